import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isRetryableConflict } from "./is-database-unavailable";

function prismaError(cause: Record<string, unknown>) {
  return Object.assign(new Error("Raw query failed"), { code: "P2010", meta: { driverAdapterError: Object.assign(new Error("x"), { cause }) } });
}

describe("isDatabaseUnavailable", () => {
  it.each([
    ["an unreachable server", prismaError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["a closed connection", prismaError({ kind: "ConnectionClosed" })],
    ["a socket timeout", prismaError({ kind: "SocketTimeout" })],
    ["too many connections", prismaError({ kind: "TooManyConnections" })],
    ["an administrator shutdown", prismaError({ kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["a statement timeout", prismaError({ kind: "postgres", code: "57014", originalCode: "57014" })],
    ["a dropped connection from node-postgres", new Error("Connection terminated unexpectedly")],
    ["a pool timeout", new Error("timeout exceeded when trying to connect")],
    ["a silent connection's query timeout", new Error("Query read timeout")],
    ["a dropped database", prismaError({ kind: "DatabaseDoesNotExist", db: "callboard" })],
    ["a refused password", prismaError({ kind: "AuthenticationFailed", user: "callboard" })],
    ["a dropped database, from node-postgres", Object.assign(new Error('database "callboard" does not exist'), { code: "3D000" })],
    ["a refused socket", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })],
  ])("is true for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a missing table", prismaError({ kind: "TableDoesNotExist", originalCode: "42P01" })],
    ["a division by zero", prismaError({ kind: "postgres", code: "22012", originalCode: "22012" })],
    ["a check violation", prismaError({ kind: "postgres", code: "23514", originalCode: "23514" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["a non-error", "oops"],
  ])("is false for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("isRetryableConflict", () => {
  it("is true for a deadlock or serialization failure, false otherwise", () => {
    expect(isRetryableConflict(prismaError({ kind: "postgres", code: "40P01", originalCode: "40P01" }))).toBe(true);
    expect(isRetryableConflict(prismaError({ kind: "TransactionWriteConflict" }))).toBe(true);
    expect(isRetryableConflict(prismaError({ kind: "DatabaseNotReachable" }))).toBe(false);
    expect(isRetryableConflict(new Error("boom"))).toBe(false);
  });
});
