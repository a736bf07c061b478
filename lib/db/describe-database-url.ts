// Where a DATABASE_URL points, for the start-up banner and logs: host (or Unix socket), port and database, never
// the user's password.
import { parse as parseConnectionString } from "pg-connection-string";

export function describeDatabaseUrl(url: string): string {
  const { host, port, database } = parseConnectionString(url);
  const name = database ? `database ${database}` : "the default database";
  if (host?.startsWith("/")) return `${name} over the Unix socket in ${host}`;
  return `${name} on ${host || "localhost"}:${port || 5432}`;
}
