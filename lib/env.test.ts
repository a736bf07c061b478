import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "./env";

describe("DATABASE_URL", () => {
  it.each([
    "postgresql://callboard:secret@db.internal:5432/callboard",
    "postgres://postgres@127.0.0.1/callboard?sslmode=disable",
    // libpq's Unix-socket forms, which a WHATWG URL parser refuses in part.
    "postgresql://postgres@/callboard?host=/var/run/postgresql",
    "postgresql:///callboard?host=/var/run/postgresql&user=postgres",
    "postgresql://%2Fvar%2Frun%2Fpostgresql/callboard",
  ])("accepts %s", (url) => {
    expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it.each(["mysql://root@localhost/callboard", "db.internal:5432/callboard", "callboard"])("refuses %s and shows the expected form", (url) => {
    expect(() => parseEnv({ DATABASE_URL: url })).toThrow(InvalidEnvironmentError);
    expect(() => parseEnv({ DATABASE_URL: url })).toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL, e\.g\. postgresql:\/\/user:password@host/);
  });

  it("says why a postgres URL cannot be used, without repeating its password", () => {
    const url = "postgresql://callboard:hunter2@db.internal/callboard?sslmode=verify-full&sslrootcert=/nonexistent/root.crt";
    let message = "";
    try {
      parseEnv({ DATABASE_URL: url });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL: cannot be read as a Postgres connection URL \(.*ENOENT.*\/nonexistent\/root\.crt/);
    expect(message).not.toContain("hunter2");
  });

  it("is optional: without it Callboard starts its embedded Postgres", () => {
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
