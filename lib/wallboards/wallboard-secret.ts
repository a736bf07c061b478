// What a wallboard link's secret looks like: `cb_wall_` and 43 base64url characters (32 random bytes), stored as its
// SHA-256, as API tokens are (lib/api-tokens/api-token-secret.ts says why a fast hash is right for 256 random bits).
import { createHash, randomBytes } from "node:crypto";

export const WALLBOARD_TOKEN_PREFIX = "cb_wall_";
const TOKEN_PATTERN = /^cb_wall_[A-Za-z0-9_-]{43}$/;
const SHOWN_LENGTH = WALLBOARD_TOKEN_PREFIX.length + 6;

/** The httpOnly cookie a screen keeps the secret in after its first visit, so the address bar does not show it. */
export const WALLBOARD_COOKIE = "callboard_wallboard";

export function generateWallboardToken(): string {
  return `${WALLBOARD_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashWallboardToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True when the string has the shape of a wallboard secret (checked before any database lookup). */
export function isWallboardTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function wallboardDisplayPrefix(token: string): string {
  return token.slice(0, SHOWN_LENGTH);
}

/** The secret in a Cookie header, or null. */
export function readWallboardCookie(cookieHeader: string | null): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === WALLBOARD_COOKIE) return decodeURIComponent(value.join("="));
  }
  return null;
}
