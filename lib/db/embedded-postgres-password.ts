// The embedded Postgres' superuser password: made at random for its data folder and kept in it (mode 0600), so
// only the account that runs Callboard (and root) can read it. Before, every folder had the same fixed password.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What every data folder made before per-folder passwords was initialised with; they are moved off it at start. */
export const LEGACY_EMBEDDED_PASSWORD = "callboard";

const PASSWORD_FILE = "callboard-password";

export function embeddedPasswordFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), PASSWORD_FILE);
}

/** The folder's password, or null when it has none yet (a new folder, or one from before per-folder passwords). */
export function readEmbeddedPassword(dataDir: string): string | null {
  const file = embeddedPasswordFile(dataDir);
  if (!existsSync(file)) return null;
  const password = readFileSync(file, "utf8").trim();
  return password === "" ? null : password;
}

/** A new password, URL-safe so it goes into a connection URL as it is. */
export function generateEmbeddedPassword(): string {
  return randomBytes(32).toString("base64url");
}

export function writeEmbeddedPassword(dataDir: string, password: string): void {
  // `mode` applies only when the file is created; a folder's password is written once.
  writeFileSync(embeddedPasswordFile(dataDir), `${password}\n`, { mode: 0o600, flag: "wx" });
}
