// Which secrets sign Flireo's webhooks, and whether unsigned ones are accepted.
//
// Policy:
// - Callboard keeps its own signing secret in the database, created on first start; rotating it keeps the
//   previous one valid for WEBHOOK_SECRET_GRACE_HOURS so assistants can be switched over without losing webhooks.
//   Secrets in FLIREO_WEBHOOK_SECRET are valid too (for secrets managed outside Callboard).
// - Production requires a valid signature on every webhook, unless ALLOW_UNSIGNED_WEBHOOKS=true.
// - Development accepts unsigned webhooks (curl, the simulator without --secret), but a webhook that carries a
//   signature is always verified, so a wrong secret shows up before production.
import { randomBytes } from "node:crypto";
import { getPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";

export type SignaturePolicy = { secrets: readonly string[]; isSignatureRequired: boolean };

export type StoredWebhookSecret = {
  id: string;
  secret: string;
  createdAt: Date;
  /** null for the current secret; the end of the grace period for a rotated-out one. */
  validUntil: Date | null;
};

// The webhook route is hot: read the stored secrets at most this often. Rotation clears the cache at once.
const CACHE_TTL_MS = 5_000;
// Held while rotating so two rotations at once cannot both insert a current secret.
const ROTATION_LOCK_ID = 72_707_370;

/** `reading`: the read under way, which every request that finds the cache out of date waits for. */
type SecretCache = { secrets: string[] | null; loadedAt: number; reading: Promise<string[]> | null };
// Route handlers are bundled as separate copies of this module; one cache on globalThis lets a rotation in one
// route handler invalidate what the webhook route handler has cached.
const CACHE_KEY = Symbol.for("callboard.webhookSecretCache");
const cache: SecretCache = ((globalThis as { [CACHE_KEY]?: SecretCache })[CACHE_KEY] ??= { secrets: null, loadedAt: 0, reading: null });

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** Creates the first signing secret unless there is a current one. Safe when several instances start at once. */
export async function ensureWebhookSecret(prisma: PrismaClient = getPrisma()): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO webhook_secrets (secret)
    SELECT ${generateWebhookSecret()}
    WHERE NOT EXISTS (SELECT 1 FROM webhook_secrets WHERE retired_at IS NULL)
    ON CONFLICT DO NOTHING`;
}

/** The current secret first, then the rotated-out ones still in their grace period. */
export async function findValidWebhookSecrets(prisma: PrismaClient = getPrisma(), now = new Date()): Promise<StoredWebhookSecret[]> {
  const rows = await prisma.webhookSecret.findMany({
    where: { OR: [{ retiredAt: null }, { validUntil: { gt: now } }] },
    orderBy: { createdAt: "desc" },
  });
  return rows
    .map((row) => ({ id: row.id.toString(), secret: row.secret, createdAt: row.createdAt, validUntil: row.validUntil }))
    .sort((a, b) => Number(a.validUntil !== null) - Number(b.validUntil !== null));
}

export async function getCurrentWebhookSecret(prisma: PrismaClient = getPrisma()): Promise<StoredWebhookSecret> {
  let current = (await findValidWebhookSecrets(prisma)).find((secret) => secret.validUntil === null);
  if (!current) {
    await ensureWebhookSecret(prisma);
    current = (await findValidWebhookSecrets(prisma)).find((secret) => secret.validUntil === null);
  }
  if (!current) throw new Error("No current webhook secret after creating one.");
  return current;
}

/** Replaces the current secret; the old one stays valid for `graceHours`. Returns the valid secrets afterwards. */
export async function rotateWebhookSecret(
  prisma: PrismaClient = getPrisma(),
  graceHours: number = env.WEBHOOK_SECRET_GRACE_HOURS,
): Promise<StoredWebhookSecret[]> {
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${ROTATION_LOCK_ID})::text`;
    const now = new Date();
    await tx.webhookSecret.updateMany({
      where: { retiredAt: null },
      data: { retiredAt: now, validUntil: new Date(now.getTime() + graceHours * 3_600_000) },
    });
    await tx.webhookSecret.create({ data: { secret: generateWebhookSecret() } });
  });
  invalidateSignaturePolicyCache();
  return findValidWebhookSecrets(prisma);
}

export function invalidateSignaturePolicyCache(): void {
  cache.secrets = null;
  cache.reading = null;
}

function startReading(): Promise<string[]> {
  const reading: Promise<string[]> = findValidWebhookSecrets()
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
}

/** The stored secrets, read at most every CACHE_TTL_MS. */
export async function loadStoredSecrets(): Promise<string[]> {
  const lastKnown = cache.secrets;
  if (lastKnown && Date.now() - cache.loadedAt < CACHE_TTL_MS) return lastKnown;
  try {
    // One read however many webhooks find the cache out of date: under load, every request in flight would
    // otherwise query the table at the same moment.
    return await (cache.reading ?? startReading());
  } catch (error) {
    // A database hiccup should not turn away webhooks that the last known secrets can verify.
    if (lastKnown) return lastKnown;
    throw new ApiError("unavailable", "Callboard cannot read its webhook secrets right now; retry shortly.", {
      headers: { "retry-after": "5" },
      cause: error,
    });
  }
}

/** The policy for a list of stored secrets, built once per list (a new read makes a new list). */
const policies = new WeakMap<readonly string[], SignaturePolicy>();

function policyFor(stored: readonly string[]): SignaturePolicy {
  let policy = policies.get(stored);
  if (!policy) {
    policy = {
      secrets: [...env.FLIREO_WEBHOOK_SECRET, ...stored],
      isSignatureRequired: env.NODE_ENV === "production" && !env.ALLOW_UNSIGNED_WEBHOOKS,
    };
    policies.set(stored, policy);
  }
  return policy;
}

export async function getSignaturePolicy(): Promise<SignaturePolicy> {
  return policyFor(await loadStoredSecrets());
}

/** The policy without waiting, while the cached secrets are fresh; null when they must be read (getSignaturePolicy). */
export function peekSignaturePolicy(): SignaturePolicy | null {
  const stored = cache.secrets;
  return stored && Date.now() - cache.loadedAt < CACHE_TTL_MS ? policyFor(stored) : null;
}
