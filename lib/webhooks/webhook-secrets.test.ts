// Stored webhook secrets on a real Postgres: created once, rotated with a grace period, expired ones dropped.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createSecretBox } from "@/lib/secrets/secret-box";
import { TEST_ENCRYPTION_KEY } from "@/lib/testing/test-server";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import {
  ensureWebhookSecret,
  findValidWebhookSecrets,
  createSigningSecrets,
  generateWebhookSecret,
  revokePreviousWebhookSecrets,
  rotateWebhookSecret,
  type SigningSecrets,
} from "./webhook-secrets";

const database = useTestDatabase();
const box = createSecretBox([TEST_ENCRYPTION_KEY]);
let signing: SigningSecrets;
const getSignaturePolicy = () => signing.policy();

beforeAll(() => {
  signing = createSigningSecrets(database.prisma, box, { FLIREO_WEBHOOK_SECRET: [], NODE_ENV: "production", ALLOW_UNSIGNED_WEBHOOKS: false });
});

describe("webhook secrets", () => {
  it("generates long random whsec_ secrets", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it("creates one current secret, also when asked several times at once", async () => {
    await Promise.all([ensureWebhookSecret(database.prisma, box), ensureWebhookSecret(database.prisma, box), ensureWebhookSecret(database.prisma, box)]);
    const secrets = await findValidWebhookSecrets(database.prisma, box);
    expect(secrets).toHaveLength(1);
    expect(secrets[0]?.validUntil).toBeNull();
  });

  it("keeps the previous secret valid for the grace period after a rotation, and the policy sees both at once", async () => {
    const [before] = await findValidWebhookSecrets(database.prisma, box);
    expect((await getSignaturePolicy()).secrets).toContain(before?.secret);

    const after = await rotateWebhookSecret(database.prisma, box, 24);
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
    const [before] = await findValidWebhookSecrets(database.prisma, box);
    const [current] = await rotateWebhookSecret(database.prisma, box, 0);
    const valid = (await findValidWebhookSecrets(database.prisma, box, new Date(Date.now() + 1))).map((secret) => secret.secret);
    expect(valid[0]).toBe(current?.secret);
    expect(valid).not.toContain(before?.secret);
  });

  it("serializes concurrent rotations instead of failing one", async () => {
    const results = await Promise.allSettled([rotateWebhookSecret(database.prisma, box, 1), rotateWebhookSecret(database.prisma, box, 1)]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
    expect((await findValidWebhookSecrets(database.prisma, box)).filter((secret) => secret.validUntil === null)).toHaveLength(1);
  });

  it("reads the stored secrets once for all the webhooks that find the cache out of date together", async () => {
    signing.invalidate();
    // One read makes one list of secrets, and one policy object for it: 50 reads would make 50.
    const policies = await Promise.all(Array.from({ length: 50 }, () => signing.policy()));
    expect(new Set(policies).size).toBe(1);
    expect(policies[0]?.secrets).toEqual((await findValidWebhookSecrets(database.prisma, box)).map((secret) => secret.secret));
  });

  it("stores every secret encrypted, never in plain text", async () => {
    const rows = await database.prisma.webhookSecret.findMany();
    const valid = (await findValidWebhookSecrets(database.prisma, box)).map((secret) => secret.secret);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.secret).toMatch(new RegExp(`^cb1:${box.currentKeyId}:`));
    for (const secret of valid) expect(rows.map((row) => row.secret).join(" ")).not.toContain(secret);
  });

  it("revokes the previous secrets at once (grace 0): gone from the valid ones, and from the policy once its cache is cleared", async () => {
    const [current, previous] = await rotateWebhookSecret(database.prisma, box, 24);
    signing.invalidate();
    expect((await getSignaturePolicy()).secrets).toContain(previous?.secret);

    const { revoked, secrets } = await revokePreviousWebhookSecrets(database.prisma, box);
    expect(revoked).toBeGreaterThanOrEqual(1);
    expect(secrets.map((secret) => secret.secret)).toEqual([current?.secret]);
    // What the webhook route holds until it is told (the route does so at once) or its cache time passes.
    expect(signing.peek()?.secrets).toContain(previous?.secret);
    signing.invalidate();
    expect((await getSignaturePolicy()).secrets).not.toContain(previous?.secret);
    expect((await getSignaturePolicy()).secrets).toContain(current?.secret);
    expect((await revokePreviousWebhookSecrets(database.prisma, box)).revoked).toBe(0);
  });

  it("stops verifying with the reason and what to set when a stored secret does not decrypt", async () => {
    const otherBox = createSecretBox([randomBytes(32).toString("base64")]);
    const stray = await database.prisma.webhookSecret.create({
      data: { secret: otherBox.seal(generateWebhookSecret(), "webhook_secrets.secret"), retiredAt: new Date(), validUntil: new Date(Date.now() + 3_600_000) },
    });
    try {
      signing.invalidate();
      await expect(signing.policy()).rejects.toMatchObject({
        name: "UndecryptableSecretError",
        setupFault: { code: "unavailable" },
        message: expect.stringContaining(`encrypted with key ${otherBox.currentKeyId}, which CALLBOARD_ENCRYPTION_KEY does not hold`),
      });
    } finally {
      await database.prisma.webhookSecret.delete({ where: { id: stray.id } });
      signing.invalidate();
    }
    expect((await getSignaturePolicy()).secrets.length).toBeGreaterThan(0);
  });
});
