// Stored webhook secrets on a real Postgres: created once, rotated with a grace period, expired ones dropped.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import {
  ensureWebhookSecret,
  findValidWebhookSecrets,
  createSigningSecrets,
  generateWebhookSecret,
  rotateWebhookSecret,
  type SigningSecrets,
} from "./webhook-secrets";

const database = useTestDatabase();
let signing: SigningSecrets;
const getSignaturePolicy = () => signing.policy();

beforeAll(() => {
  signing = createSigningSecrets(database.prisma, { FLIREO_WEBHOOK_SECRET: [], NODE_ENV: "production", ALLOW_UNSIGNED_WEBHOOKS: false });
});

describe("webhook secrets", () => {
  it("generates long random whsec_ secrets", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it("creates one current secret, also when asked several times at once", async () => {
    await Promise.all([ensureWebhookSecret(database.prisma), ensureWebhookSecret(database.prisma), ensureWebhookSecret(database.prisma)]);
    const secrets = await findValidWebhookSecrets(database.prisma);
    expect(secrets).toHaveLength(1);
    expect(secrets[0]?.validUntil).toBeNull();
  });

  it("keeps the previous secret valid for the grace period after a rotation, and the policy sees both at once", async () => {
    const [before] = await findValidWebhookSecrets(database.prisma);
    expect((await getSignaturePolicy()).secrets).toContain(before?.secret);

    const after = await rotateWebhookSecret(database.prisma, 24);
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
    const [before] = await findValidWebhookSecrets(database.prisma);
    const [current] = await rotateWebhookSecret(database.prisma, 0);
    const valid = (await findValidWebhookSecrets(database.prisma, new Date(Date.now() + 1))).map((secret) => secret.secret);
    expect(valid[0]).toBe(current?.secret);
    expect(valid).not.toContain(before?.secret);
  });

  it("serializes concurrent rotations instead of failing one", async () => {
    const results = await Promise.allSettled([rotateWebhookSecret(database.prisma, 1), rotateWebhookSecret(database.prisma, 1)]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
    expect((await findValidWebhookSecrets(database.prisma)).filter((secret) => secret.validUntil === null)).toHaveLength(1);
  });

  it("reads the stored secrets once for all the webhooks that find the cache out of date together", async () => {
    signing.invalidate();
    // One read makes one list of secrets, and one policy object for it: 50 reads would make 50.
    const policies = await Promise.all(Array.from({ length: 50 }, () => signing.policy()));
    expect(new Set(policies).size).toBe(1);
    expect(policies[0]?.secrets).toEqual((await findValidWebhookSecrets(database.prisma)).map((secret) => secret.secret));
  });
});
