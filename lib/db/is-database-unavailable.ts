// Tells "the database cannot be reached right now" (worth a 503 and a retry) from a real bug (a 500).
// Prisma's driver adapter reports connection trouble as `meta.driverAdapterError.cause.kind`, Postgres as a
// SQLSTATE, and node-postgres as plain socket errors or messages; this looks through all of them.

/** Driver-adapter error kinds that mean the server is down, unreachable or overloaded, not that the query is wrong. */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionWriteConflict",
  // The configured database is missing or refuses the configured role: nothing can be stored until an operator
  // fixes it, which is an outage (503, retry), not a bug in the request.
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
]);

/**
 * SQLSTATEs for the same: class 08 (connection exception), 53 (insufficient resources), 57P01-57P03
 * (shut down / cannot connect now), 57014 (cancelled, e.g. statement_timeout), 40001/40P01 (retryable conflicts),
 * 28 (the role is refused) and 3D000 (the database does not exist).
 */
function isUnavailableSqlState(code: string): boolean {
  return (
    code.startsWith("08") ||
    code.startsWith("53") ||
    code.startsWith("28") ||
    ["3D000", "57P01", "57P02", "57P03", "57014", "40001", "40P01"].includes(code)
  );
}

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ECONNABORTED"]);

/** node-postgres' own wording when a connection dies or a pool cannot hand one out in time. */
const UNAVAILABLE_MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|connection timeout|query read timeout|server closed the connection|can't reach database server|the database system is (starting up|shutting down)/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function looksUnavailable(value: Record<string, unknown>): boolean {
  const { kind, code, originalCode, message } = value;
  if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
  for (const candidate of [code, originalCode]) {
    if (typeof candidate !== "string") continue;
    if (SOCKET_CODES.has(candidate)) return true;
    if (/^[0-9A-Z]{5}$/.test(candidate) && isUnavailableSqlState(candidate)) return true;
    // Prisma's own "can't reach the database" codes.
    if (candidate === "P1001" || candidate === "P1002" || candidate === "P1017") return true;
  }
  return typeof message === "string" && UNAVAILABLE_MESSAGES.test(message);
}

/** True when `test` holds for the error or anything it wraps (causes, Prisma's driver adapter error). */
function isAnyInChain(error: unknown, test: (value: Record<string, unknown>) => boolean): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!isRecord(current) || seen.has(current)) continue;
    seen.add(current);
    if (test(current)) return true;
    const meta = current.meta;
    queue.push(current.cause, isRecord(meta) ? meta.driverAdapterError : undefined);
    if (current instanceof AggregateError) queue.push(...(current.errors as unknown[]));
  }
  return false;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return isAnyInChain(error, looksUnavailable);
}

/** A deadlock or serialization failure: the statement was rolled back whole and may simply be run again. */
export function isRetryableConflict(error: unknown): boolean {
  return isAnyInChain(
    error,
    ({ kind, code, originalCode }) => kind === "TransactionWriteConflict" || [code, originalCode].some((c) => c === "40P01" || c === "40001"),
  );
}
