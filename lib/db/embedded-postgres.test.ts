// Integration: the embedded Postgres on its own port and data folder, as `npm run dev` starts it without DATABASE_URL.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { refuseClosedFolders } from "./embedded-postgres";
import { findClosedFolder } from "./find-closed-folder";

const ROOT = path.resolve(import.meta.dirname, "../..");
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A scratch folder that the unprivileged account running Postgres (when the tests run as root) can pass through. */
function scratchFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "callboard-embedded-"));
  chmodSync(folder, 0o755);
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

describe("run as root from a folder the postgres user cannot enter", () => {
  const postgresUser = { uid: 65_534, gid: 65_534 };

  it("finds the first closed folder on the way, or none", () => {
    const folder = scratchFolder();
    const closed = path.join(folder, "closed");
    mkdirSync(path.join(closed, "callboard", ".data"), { recursive: true });
    chmodSync(closed, 0o700);
    expect(findClosedFolder(path.join(closed, "callboard", ".data"), postgresUser)).toBe(closed);
    expect(findClosedFolder(path.join(closed, "callboard", "not-yet", "made"), postgresUser)).toBe(closed);
    expect(findClosedFolder(path.join(folder, "open", "not-yet"), postgresUser)).toBeNull();
    // Its owner, and root, pass.
    expect(findClosedFolder(path.join(closed, "callboard"), { uid: statSync(closed).uid, gid: 12_345 })).toBeNull();
    expect(findClosedFolder(path.join(closed, "callboard"), { uid: 0, gid: 0 })).toBeNull();
    chmodSync(closed, 0o701);
    expect(findClosedFolder(path.join(closed, "callboard", ".data"), postgresUser)).toBeNull();
  });

  it("stops with what is wrong and the three ways out, before any Postgres program runs", () => {
    const folder = scratchFolder();
    const closed = path.join(folder, "root-home");
    mkdirSync(path.join(closed, "callboard"), { recursive: true });
    chmodSync(closed, 0o700);
    expect(() => refuseClosedFolders([path.join(ROOT, "node_modules", "initdb"), path.join(closed, "callboard", ".data")], postgresUser)).toThrow(
      `the embedded Postgres cannot run from here. Postgres does not run as root, so Callboard runs it as the system user "postgres", ` +
        `which may not enter ${closed}, on the way to ${path.join(closed, "callboard", ".data")}. Ways out: run Callboard as a normal user ` +
        `instead of root; or make the folder passable for other users (chmod o+x ${closed}), or move Callboard to a folder they can ` +
        `reach; or set DATABASE_URL to a Postgres server of your own.`,
    );
  });
});
