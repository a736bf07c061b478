// What an API token looks like: `cb_live_` and 43 base64url characters (32 random bytes), stored as its SHA-256.
//
// A fast hash is right here, unlike for passwords: the token is 256 bits of randomness, so there is nothing to guess
// from a leaked hash and nothing a slow hash (bcrypt, scrypt) would protect; a fast one keeps every request cheap.
// The lookup is by the hash's unique index, so no comparison ever runs on the secret itself: timing can tell an
// attacker at most about hashes of tokens they made up, which says nothing about a real token.
import { createHash, randomBytes } from "node:crypto";

export const API_TOKEN_PREFIX = "cb_live_";
const RANDOM_BYTES = 32;
const TOKEN_PATTERN = /^cb_live_[A-Za-z0-9_-]{43}$/;
/** How much of the token the list shows: the prefix and a few random characters. */
const SHOWN_LENGTH = API_TOKEN_PREFIX.length + 6;

export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(RANDOM_BYTES).toString("base64url")}`;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True when the string has the shape of a Callboard token (checked before any database lookup). */
export function isApiTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The part of the token that may be shown again, e.g. `cb_live_ab12cd`. */
export function apiTokenDisplayPrefix(token: string): string {
  return token.slice(0, SHOWN_LENGTH);
}
