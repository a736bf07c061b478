// Secrets at rest: webhook signing secrets, alert destinations' URLs and secrets and the saved Flireo API key are
// stored sealed with AES-256-GCM under a key from CALLBOARD_ENCRYPTION_KEY. The application context makes one box;
// whatever reads or writes a stored secret is handed it.
//
// Written on Node's crypto rather than taken from a package: what is needed is an envelope that names its key, a
// list of keys (the first seals, all open) and the column bound into the seal, about sixty lines; the npm packages
// around AES-GCM bring their own key stores or formats and still leave the key list to us.
//
// A sealed value reads `cb1:<key id>:<base64url of IV ‖ ciphertext ‖ tag>`. The key id is derived from the key (HKDF),
// so it cannot name the wrong key, and tells which key is missing when one is. The additional data binds the envelope
// to its column, so a sealed value copied into another column (a webhook secret into an alert URL) does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { InvalidEnvironmentError, type Env } from "@/lib/env";
import { decodeEncryptionKey, DEVELOPMENT_ENCRYPTION_KEY } from "./encryption-keys";

const VERSION = "cb1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Where a sealed value lives; bound into its seal. */
export type SealedPurpose = "webhook_secrets.secret" | "alert_destinations.url" | "alert_destinations.secret" | "settings.flireo_api_key";

const DESCRIPTIONS: Record<SealedPurpose, string> = {
  "webhook_secrets.secret": "a webhook signing secret",
  "alert_destinations.url": "an alert destination's URL",
  "alert_destinations.secret": "an alert destination's signing secret",
  "settings.flireo_api_key": "the saved Flireo API key",
};

export function describeSealedPurpose(purpose: SealedPurpose): string {
  return DESCRIPTIONS[purpose];
}

export type SecretBox = {
  /** The id of the key that seals (CALLBOARD_ENCRYPTION_KEY's first). */
  readonly currentKeyId: string;
  /** Every key's id, the current one first. */
  readonly keyIds: readonly string[];
  seal: (plaintext: string, purpose: SealedPurpose) => string;
  /** The plaintext, or an UndecryptableSecretError that says what to set. */
  open: (sealed: string, purpose: SealedPurpose) => string;
};

/** Why a stored value cannot be read: the key it names is not configured, it does not open with it, or it is not sealed. */
export type UndecryptableReason = "unknown-key" | "does-not-open" | "not-sealed";

export class UndecryptableSecretError extends Error {
  override name = "UndecryptableSecretError";

  /** Answered as a 503 with the message, what to set (lib/http/api-error.ts), never a 500: set-up, not a bug. */
  readonly setupFault = { code: "unavailable" } as const;

  constructor(
    readonly purpose: SealedPurpose,
    readonly reason: UndecryptableReason,
    readonly keyId: string | null,
  ) {
    super(`Callboard cannot decrypt ${describeSealedPurpose(purpose)}: ${explainReason(reason, keyId)}`);
  }
}

/**
 * By name, not instanceof: server.ts and Next's bundles each load their own copy of this module, and the box that
 * throws was made by server.ts's.
 */
export function isUndecryptableSecretError(error: unknown): error is UndecryptableSecretError {
  return error instanceof Error && error.name === "UndecryptableSecretError";
}

export function explainReason(reason: UndecryptableReason, keyId: string | null): string {
  if (reason === "unknown-key" && keyId === developmentKeyId()) {
    return (
      `it was encrypted with the public development key (id ${keyId}). To keep it, add ${DEVELOPMENT_ENCRYPTION_KEY} after your key in ` +
      "CALLBOARD_ENCRYPTION_KEY, restart, run `npm run secrets:reencrypt`, and then remove it again."
    );
  }
  if (reason === "unknown-key") {
    return `it was encrypted with key ${keyId}, which CALLBOARD_ENCRYPTION_KEY does not hold. Add that key to CALLBOARD_ENCRYPTION_KEY (after the current one) and restart.`;
  }
  if (reason === "does-not-open") {
    return `it does not decrypt with key ${keyId} of CALLBOARD_ENCRYPTION_KEY (the value was altered, or the key changed). Set CALLBOARD_ENCRYPTION_KEY to the key it was encrypted with and restart.`;
  }
  return "it is stored unencrypted. Restart Callboard, or run `npm run secrets:reencrypt`, to encrypt it.";
}

/** Whether a stored value is an envelope (sealed by some key), as opposed to plain text from before encryption. */
export function isSealed(value: string): boolean {
  return value.startsWith(`${VERSION}:`);
}

/** The id of the key a sealed value names. */
export function sealedKeyId(value: string): string | null {
  return isSealed(value) ? (value.split(":")[1] ?? null) : null;
}

type Key = { id: string; aesKey: Buffer };

function deriveKey(material: Buffer): Key {
  const derive = (info: string, bytes: number) => Buffer.from(hkdfSync("sha256", material, Buffer.alloc(0), info, bytes));
  return { id: derive("callboard key id", 6).toString("base64url"), aesKey: derive("callboard aes-256-gcm", 32) };
}

let developmentId: string | undefined;
const developmentKeyId = () => (developmentId ??= deriveKey(decodeEncryptionKey(DEVELOPMENT_ENCRYPTION_KEY) ?? Buffer.alloc(32)).id);

const additionalData = (keyId: string, purpose: SealedPurpose) => Buffer.from(`${VERSION}:${keyId}:${purpose}`);

/** A box over keys as CALLBOARD_ENCRYPTION_KEY writes them (already checked by lib/env.ts); the first seals. */
export function createSecretBox(encodedKeys: readonly string[]): SecretBox {
  const keys = encodedKeys.map((encoded, index) => {
    const material = decodeEncryptionKey(encoded);
    if (!material) throw new InvalidEnvironmentError(`CALLBOARD_ENCRYPTION_KEY: key ${index + 1} is not 32 bytes in base64 or hex.`);
    return deriveKey(material);
  });
  const [current] = keys;
  if (!current) throw new InvalidEnvironmentError("CALLBOARD_ENCRYPTION_KEY holds no key.");
  const byId = new Map(keys.map((key) => [key.id, key]));

  return {
    currentKeyId: current.id,
    keyIds: [...byId.keys()],
    seal(plaintext, purpose) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", current.aesKey, iv).setAAD(additionalData(current.id, purpose));
      const sealed = Buffer.concat([iv, cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}:${current.id}:${sealed.toString("base64url")}`;
    },
    open(sealed, purpose) {
      const [version, keyId, body] = sealed.split(":");
      if (version !== VERSION || !keyId || body === undefined) throw new UndecryptableSecretError(purpose, "not-sealed", null);
      const key = byId.get(keyId);
      if (!key) throw new UndecryptableSecretError(purpose, "unknown-key", keyId);
      const bytes = Buffer.from(body, "base64url");
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new UndecryptableSecretError(purpose, "does-not-open", keyId);
      try {
        const decipher = createDecipheriv("aes-256-gcm", key.aesKey, bytes.subarray(0, IV_BYTES)).setAAD(additionalData(keyId, purpose));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
      } catch {
        throw new UndecryptableSecretError(purpose, "does-not-open", keyId);
      }
    },
  };
}

/**
 * CALLBOARD_ENCRYPTION_KEY's keys; in development and tests without it, the public development key. Production
 * requires it: a key derived from AUTH_SECRET would tie the stored secrets to the session secret, which is rotated
 * for other reasons (signing everyone out), and would leave no way to change the encryption key on its own.
 */
export function resolveEncryptionKeys(env: Pick<Env, "CALLBOARD_ENCRYPTION_KEY" | "NODE_ENV">): { keys: string[]; isDevelopmentKey: boolean } {
  if (env.CALLBOARD_ENCRYPTION_KEY.length > 0) return { keys: env.CALLBOARD_ENCRYPTION_KEY, isDevelopmentKey: false };
  if (env.NODE_ENV === "production") {
    throw new InvalidEnvironmentError(
      "CALLBOARD_ENCRYPTION_KEY is required in production: it encrypts the secrets Callboard stores (webhook signing secrets, " +
        "alert destinations, the Flireo API key). Set it to a random key, e.g. `openssl rand -base64 32`, and keep it safe: " +
        "without it they cannot be read.",
    );
  }
  return { keys: [DEVELOPMENT_ENCRYPTION_KEY], isDevelopmentKey: true };
}

/** The box for this environment, for the application context and the command-line tools. */
export function createSecretBoxFromEnv(env: Pick<Env, "CALLBOARD_ENCRYPTION_KEY" | "NODE_ENV">): SecretBox {
  return createSecretBox(resolveEncryptionKeys(env).keys);
}
