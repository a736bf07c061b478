// The keys CALLBOARD_ENCRYPTION_KEY holds: each 32 random bytes, in base64 (`openssl rand -base64 32`) or hex
// (`openssl rand -hex 32`), several separated by commas. Without imports, so that lib/env.ts can check the variable
// with it and lib/secrets can use it.

export const ENCRYPTION_KEY_BYTES = 32;

/**
 * Only for development and tests: publicly known (it is right here), so secrets sealed with it are as good as plain
 * text. Production refuses to start without CALLBOARD_ENCRYPTION_KEY (secret-box.ts).
 */
export const DEVELOPMENT_ENCRYPTION_KEY = "Y2FsbGJvYXJkLWRldmVsb3BtZW50LW9ubHkta2V5ISE=";

/** The key's 32 bytes, or null when the text is not 32 bytes in hex, base64 or base64url. */
export function decodeEncryptionKey(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return null;
  const key = Buffer.from(text, "base64");
  return key.length === ENCRYPTION_KEY_BYTES ? key : null;
}

/** CALLBOARD_ENCRYPTION_KEY's keys in order (the first seals, all open); blanks between commas are ignored. */
export function splitEncryptionKeys(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
}
