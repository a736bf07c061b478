// Integration: production never takes an unsigned webhook unless told explicitly. Without FLIREO_WEBHOOK_SECRET
// it signs with the secret it generated and stored on first start (see the webhooks page).
import { afterAll, describe, expect, it } from "vitest";
import { camelStatusUpdate, postWebhook } from "@/lib/testing/flireo-payloads";
import { createSecretBox } from "@/lib/secrets/secret-box";
import { startTestServer, TEST_ENCRYPTION_KEY, type TestServer } from "@/lib/testing/test-server";
import { findValidWebhookSecrets } from "./webhook-secrets";
import { createPrismaClient } from "@/lib/db/client";

const servers: TestServer[] = [];

afterAll(async () => {
  for (const server of servers) await server.stop();
});

describe("signature policy at start-up", () => {
  it("requires signatures in production without FLIREO_WEBHOOK_SECRET, with its own stored secret", async () => {
    const server = await startTestServer({ env: { FLIREO_WEBHOOK_SECRET: "", ALLOW_UNSIGNED_WEBHOOKS: "false" } });
    servers.push(server);
    expect(server.output()).toContain("signatures required");
    const described = (await (await fetch(`${server.baseUrl}/api/webhooks/flireo`)).json()) as { signatureRequired: boolean };
    expect(described.signatureRequired).toBe(true);

    const payload = camelStatusUpdate({ status: "in-progress" });
    const unsigned = await postWebhook(server.baseUrl, payload);
    expect(unsigned.status).toBe(401);

    const prisma = createPrismaClient(server.database.url);
    try {
      const [stored] = await findValidWebhookSecrets(prisma, createSecretBox([TEST_ENCRYPTION_KEY]));
      expect(stored?.secret).toMatch(/^whsec_/);
      expect((await postWebhook(server.baseUrl, payload, { secret: stored?.secret })).status).toBe(200);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("starts in production without a secret when ALLOW_UNSIGNED_WEBHOOKS=true, and then takes unsigned webhooks", async () => {
    const server = await startTestServer({ env: { FLIREO_WEBHOOK_SECRET: "", ALLOW_UNSIGNED_WEBHOOKS: "true" } });
    servers.push(server);
    expect(server.output()).toContain("UNSIGNED webhooks accepted");
    const described = (await (await fetch(`${server.baseUrl}/api/webhooks/flireo`)).json()) as { signatureRequired: boolean };
    expect(described.signatureRequired).toBe(false);
    expect((await postWebhook(server.baseUrl, camelStatusUpdate({ status: "in-progress" }))).status).toBe(200);
  });
});
