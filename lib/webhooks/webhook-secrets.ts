// Which secrets sign Flireo's webhooks, and whether unsigned ones are accepted.
//
// Policy:
// - Callboard keeps its own signing secret in the database (encrypted, lib/secrets), created on first start; rotating
//   it keeps the previous one valid for WEBHOOK_SECRET_GRACE_HOURS so assistants can be switched over without losing
//   webhooks, unless an admin revokes the previous one at once (a leaked secret).
//   Secrets in FLIREO_WEBHOOK_SECRET are valid too (for secrets managed outside Callboard).
// - Production requires a valid signature on every webhook, unless ALLOW_UNSIGNED_WEBHOOKS=true.
// - Development accepts unsigned webhooks (curl, the simulator without --secret), but a webhook that carries a
//   signature is always verified, so a wrong secret shows up before production.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { translatorFor } from "@/lib/http/error-text";
import { isUndecryptableSecretError, type SecretBox } from "@/lib/secrets/secret-box";

const t = translatorFor("errors");

export type SignaturePolicy = { secrets: readonly string[]; isSignatureRequired: boolean };

export type StoredWebhookSecret = {
  id: string;
  secret: string;
  createdAt: Date;
  /** null for the current secret; the end of the grace period for a rotated-out one. */
  validUntil: Date | null;
};

// The webhook route is hot: read the stored secrets at most this often. Rotation and revocation clear this instance's
// cache at once; other instances read the change within this time.
export const SIGNING_SECRETS_CACHE_MS = 5_000;
// Held while rotating so two rotations at once cannot both insert a current secret.
const ROTATION_LOCK_ID = 72_707_370;
const PURPOSE = "webhook_secrets.secret";

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** Creates the first signing secret unless there is a current one. Safe when several instances start at once. */
export async function ensureWebhookSecret(prisma: PrismaClient, box: SecretBox): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO webhook_secrets (secret)
    SELECT ${box.seal(generateWebhookSecret(), PURPOSE)}
    WHERE NOT EXISTS (SELECT 1 FROM webhook_secrets WHERE retired_at IS NULL)
    ON CONFLICT DO NOTHING`;
}

/** The current secret first, then the rotated-out ones still in their grace period. */
export async function findValidWebhookSecrets(prisma: PrismaClient, box: SecretBox, now = new Date()): Promise<StoredWebhookSecret[]> {
  const rows = await prisma.webhookSecret.findMany({
    where: { OR: [{ retiredAt: null }, { validUntil: { gt: now } }] },
    orderBy: { createdAt: "desc" },
  });
  return rows
    .map((row) => ({ id: row.id.toString(), secret: box.open(row.secret, PURPOSE), createdAt: row.createdAt, validUntil: row.validUntil }))
    .sort((a, b) => Number(a.validUntil !== null) - Number(b.validUntil !== null));
}

export async function getCurrentWebhookSecret(prisma: PrismaClient, box: SecretBox): Promise<StoredWebhookSecret> {
  let current = (await findValidWebhookSecrets(prisma, box)).find((secret) => secret.validUntil === null);
  if (!current) {
    await ensureWebhookSecret(prisma, box);
    current = (await findValidWebhookSecrets(prisma, box)).find((secret) => secret.validUntil === null);
  }
  if (!current) throw new Error("No current webhook secret after creating one.");
  return current;
}

/** Replaces the current secret; the old one stays valid for `graceHours`. Returns the valid secrets afterwards. */
export async function rotateWebhookSecret(prisma: PrismaClient, box: SecretBox, graceHours: number): Promise<StoredWebhookSecret[]> {
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${ROTATION_LOCK_ID})::text`;
    const now = new Date();
    await tx.webhookSecret.updateMany({
      where: { retiredAt: null },
      data: { retiredAt: now, validUntil: new Date(now.getTime() + graceHours * 3_600_000) },
    });
    await tx.webhookSecret.create({ data: { secret: box.seal(generateWebhookSecret(), PURPOSE) } });
  });
  return findValidWebhookSecrets(prisma, box);
}

/**
 * Ends the grace period of every previous secret now (grace 0): for a secret that leaked, which should not be left to
 * expire. Its grace is set to end when it was retired, which is past on every instance's clock. Returns how many were
 * revoked and the valid secrets afterwards. The caller clears this instance's cache (SigningSecrets.invalidate).
 */
export async function revokePreviousWebhookSecrets(prisma: PrismaClient, box: SecretBox): Promise<{ revoked: number; secrets: StoredWebhookSecret[] }> {
  const revoked = await prisma.$executeRaw`
    UPDATE webhook_secrets SET valid_until = retired_at WHERE retired_at IS NOT NULL AND valid_until > clock_timestamp()`;
  return { revoked, secrets: await findValidWebhookSecrets(prisma, box) };
}

export type SigningSecrets = {
  /** The secrets that verify a webhook now, and whether one is required; the stored ones read at most every SIGNING_SECRETS_CACHE_MS. */
  policy: () => Promise<SignaturePolicy>;
  /** The policy without waiting, while the cached secrets are fresh; null when they must be read (policy()). */
  peek: () => SignaturePolicy | null;
  /** Forgets the cached secrets, after a rotation or revocation. */
  invalidate: () => void;
};

/** `reading`: the read under way, which every request that finds the cache out of date waits for. */
type SecretCache = { secrets: string[] | null; loadedAt: number; reading: Promise<string[]> | null };

/** The webhook route's view of the signing secrets: one per process, in the application context. */
export function createSigningSecrets(prisma: PrismaClient, box: SecretBox, env: Pick<Env, "FLIREO_WEBHOOK_SECRET" | "NODE_ENV" | "ALLOW_UNSIGNED_WEBHOOKS">): SigningSecrets {
  const cache: SecretCache = { secrets: null, loadedAt: 0, reading: null };
  /** The policy for a list of stored secrets, built once per list (a new read makes a new list). */
  const policies = new WeakMap<readonly string[], SignaturePolicy>();

  const policyFor = (stored: readonly string[]): SignaturePolicy => {
    let policy = policies.get(stored);
    if (!policy) {
      policy = {
        secrets: [...env.FLIREO_WEBHOOK_SECRET, ...stored],
        isSignatureRequired: env.NODE_ENV === "production" && !env.ALLOW_UNSIGNED_WEBHOOKS,
      };
      policies.set(stored, policy);
    }
    return policy;
  };

  const startReading = (): Promise<string[]> => {
    const reading: Promise<string[]> = findValidWebhookSecrets(prisma, box)
      .then((rows) => {
        const secrets = rows.map((stored) => stored.secret);
        // Unless a rotation cleared the cache meanwhile: this read may predate it.
        if (cache.reading === reading) Object.assign(cache, { secrets, loadedAt: Date.now() });
        return secrets;
      })
      .finally(() => {
        if (cache.reading === reading) cache.reading = null;
      });
    cache.reading = reading;
    return reading;
  };

  const loadStoredSecrets = async (): Promise<string[]> => {
    const lastKnown = cache.secrets;
    if (lastKnown && Date.now() - cache.loadedAt < SIGNING_SECRETS_CACHE_MS) return lastKnown;
    try {
      // One read however many webhooks find the cache out of date: under load, every request in flight would
      // otherwise query the table at the same moment.
      return await (cache.reading ?? startReading());
    } catch (error) {
      // A stored secret that CALLBOARD_ENCRYPTION_KEY cannot open stops verification with the reason (a 503 saying
      // what to set): the last known list may hold a secret revoked since.
      if (isUndecryptableSecretError(error)) throw error;
      // A database hiccup should not turn away webhooks that the last known secrets can verify.
      if (lastKnown) return lastKnown;
      throw new ApiError("unavailable", t("webhooks.secretsUnavailable"), {
        headers: { "retry-after": "5" },
        cause: error,
      });
    }
  };

  return {
    policy: async () => policyFor(await loadStoredSecrets()),
    peek: () => (cache.secrets && Date.now() - cache.loadedAt < SIGNING_SECRETS_CACHE_MS ? policyFor(cache.secrets) : null),
    invalidate() {
      cache.secrets = null;
      cache.reading = null;
    },
  };
}
