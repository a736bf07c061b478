// Whether this process has begun an orderly shutdown. From then on, database connections closing under it are
// expected (Ctrl-C in a terminal also stops the embedded Postgres at once), so they are not worth a log line.
// Kept on globalThis: server.ts and the route handlers each bundle their own copy of this module.
const KEY = Symbol.for("callboard.shuttingDown");
type Holder = { [KEY]?: boolean };

export function markShuttingDown(): void {
  (globalThis as Holder)[KEY] = true;
}

export function isShuttingDown(): boolean {
  return (globalThis as Holder)[KEY] === true;
}
