import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEVELOPMENT_AUTH_SECRET, InvalidEnvironmentError, parseEnv, resolveAuthSecret } from "./env";

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

describe("NODE_ENV and HOST: failing closed", () => {
  it("treats an unset NODE_ENV as production: signatures and AUTH_SECRET required, every interface", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("production");
    expect(env.HOST).toBe("0.0.0.0");
    expect(() => resolveAuthSecret(env)).toThrow(/AUTH_SECRET is required in production/);
  });

  it("keeps development's defaults for NODE_ENV=development (npm run dev) only, listening on this machine alone", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.HOST).toBe("127.0.0.1");
    expect(resolveAuthSecret(env)).toBe(DEVELOPMENT_AUTH_SECRET);
    expect(parseEnv({ NODE_ENV: "development", HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
  });

  it("has npm run dev set NODE_ENV=development, and npm start production", () => {
    const { scripts } = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(scripts.dev).toMatch(/^NODE_ENV=development /);
    expect(scripts.start).toMatch(/^NODE_ENV=production /);
  });
});
