// Whether this process has begun an orderly shutdown. From then on, database connections closing under it are
// expected (Ctrl-C in a terminal also stops the embedded Postgres at once), so they are not worth a log line.
export type Lifecycle = {
  readonly isShuttingDown: boolean;
  markShuttingDown: () => void;
};

export function createLifecycle(): Lifecycle {
  let isShuttingDown = false;
  return {
    get isShuttingDown() {
      return isShuttingDown;
    },
    markShuttingDown() {
      isShuttingDown = true;
    },
  };
}
