import { describe, expect, it } from "vitest";
import { describeDatabaseUrl } from "./describe-database-url";

describe("describeDatabaseUrl", () => {
  it("names host, port and database, never the password", () => {
    const label = describeDatabaseUrl("postgresql://callboard:hunter2@db.internal:6432/callboard?sslmode=require");
    expect(label).toBe("database callboard on db.internal:6432");
    expect(label).not.toContain("hunter2");
  });

  it("fills in libpq's defaults", () => {
    expect(describeDatabaseUrl("postgresql://postgres@db.internal")).toBe("the default database on db.internal:5432");
  });

  it("names the socket directory of a Unix-socket URL", () => {
    expect(describeDatabaseUrl("postgresql://postgres@/callboard?host=/var/run/postgresql")).toBe(
      "database callboard over the Unix socket in /var/run/postgresql",
    );
    expect(describeDatabaseUrl("postgresql://%2Frun%2Fpostgresql/callboard")).toBe("database callboard over the Unix socket in /run/postgresql");
  });
});
