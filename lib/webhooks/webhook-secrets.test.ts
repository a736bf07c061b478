// Stored webhook secrets on a real Postgres: created once, rotated with a grace period, expired ones dropped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-postgres";
import {
  ensureWebhookSecret,
  findValidWebhookSecrets,
  createSigningSecrets,
  generateWebhookSecret,
  rotateWebhookSecret,
  type SigningSecrets,
} from "./webhook-secrets";

let database: TestDatabase;
let prisma: PrismaClient;
let signing: SigningSecrets;
const getSignaturePolicy = () => signing.policy();

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient(database.url);
  signing = createSigningSecrets(prisma, { FLIREO_WEBHOOK_SECRET: [], NODE_ENV: "production", ALLOW_UNSIGNED_WEBHOOKS: false });
});
afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

describe("webhook secrets", () => {
  it("generates long random whsec_ secrets", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it("creates one current secret, also when asked several times at once", async () => {
    await Promise.all([ensureWebhookSecret(prisma), ensureWebhookSecret(prisma), ensureWebhookSecret(prisma)]);
    const secrets = await findValidWebhookSecrets(prisma);
    expect(secrets).toHaveLength(1);
    expect(secrets[0]?.validUntil).toBeNull();
  });

  it("keeps the previous secret valid for the grace period after a rotation, and the policy sees both at once", async () => {
    const [before] = await findValidWebhookSecrets(prisma);
    expect((await getSignaturePolicy()).secrets).toContain(before?.secret);

    const after = await rotateWebhookSecret(prisma, 24);
    signing.invalidate();
    expect(after).toHaveLength(2);
    expect(after[0]?.validUntil).toBeNull();
    expect(after[0]?.secret).not.toBe(before?.secret);
    expect(after[1]?.secret).toBe(before?.secret);
    const graceMs = (after[1]?.validUntil?.getTime() ?? 0) - Date.now();
    expect(graceMs).toBeGreaterThan(23.9 * 3_600_000);
    expect(graceMs).toBeLessThanOrEqual(24 * 3_600_000);

    const policy = await getSignaturePolicy();
    expect(policy.secrets).toEqual(expect.arrayContaining([after[0]?.secret, before?.secret]));
  });

  it("drops a rotated-out secret once its grace period is over", async () => {
    const [before] = await findValidWebhookSecrets(prisma);
    const [current] = await rotateWebhookSecret(prisma, 0);
    const valid = (await findValidWebhookSecrets(prisma, new Date(Date.now() + 1))).map((secret) => secret.secret);
    expect(valid[0]).toBe(current?.secret);
    expect(valid).not.toContain(before?.secret);
  });

  it("serializes concurrent rotations instead of failing one", async () => {
    const results = await Promise.allSettled([rotateWebhookSecret(prisma, 1), rotateWebhookSecret(prisma, 1)]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
    expect((await findValidWebhookSecrets(prisma)).filter((secret) => secret.validUntil === null)).toHaveLength(1);
  });

  it("reads the stored secrets once for all the webhooks that find the cache out of date together", async () => {
    signing.invalidate();
    // One read makes one list of secrets, and one policy object for it: 50 reads would make 50.
    const policies = await Promise.all(Array.from({ length: 50 }, () => signing.policy()));
    expect(new Set(policies).size).toBe(1);
    expect(policies[0]?.secrets).toEqual((await findValidWebhookSecrets(prisma)).map((secret) => secret.secret));
  });
});
