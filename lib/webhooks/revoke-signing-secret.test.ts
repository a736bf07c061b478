// Integration: revoking the previous webhook signing secret at once (grace 0), on two Callboard instances sharing one
// database. The instance that revokes refuses the secret from the next webhook on; the other one within its cache
// time. Only an admin, from Callboard's own pages, may do it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SecretView } from "@/lib/shared/flireo/flireo-view";
import { createSignedInUser } from "@/lib/testing/auth";
import { camelStatusUpdate, postWebhook } from "@/lib/testing/flireo-payloads";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-postgres";
import { startTestServer, type TestServer } from "@/lib/testing/test-server";
import { SIGNING_SECRETS_CACHE_MS } from "./webhook-secrets";

let database: TestDatabase;
let first: TestServer;
let second: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  // No FLIREO_WEBHOOK_SECRET: only the stored secrets verify.
  const env = { FLIREO_WEBHOOK_SECRET: "", LOG_LEVEL: "warn" };
  [first, second] = await Promise.all([startTestServer({ database, env }), startTestServer({ database, env })]);
});

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await database?.drop();
});

async function post(server: TestServer, route: string, cookie: string, origin: string = server.baseUrl): Promise<Response> {
  return fetch(`${server.baseUrl}${route}`, { method: "POST", headers: { cookie, origin } });
}

const sendSigned = async (server: TestServer, secret: string) => (await postWebhook(server.baseUrl, camelStatusUpdate({ status: "in-progress" }), { secret })).status;

/** The status a webhook signed with `secret` gets once `server` has caught up: it reads the stored secrets again within SIGNING_SECRETS_CACHE_MS. */
async function statusOnceCaughtUp(server: TestServer, secret: string, expected: number): Promise<number> {
  const deadline = Date.now() + SIGNING_SECRETS_CACHE_MS + 10_000;
  let status = await sendSigned(server, secret);
  while (status !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    status = await sendSigned(server, secret);
  }
  return status;
}

describe("revoking the previous signing secret", () => {
  it("refuses it at once on this instance and within the cache time on the others; only for an admin of this site", async () => {
    const cookie = await first.adminCookie();
    const rotated = (await (await post(first, "/api/webhooks/secret/rotate", cookie)).json()) as { secrets: SecretView[] };
    const [current, previous] = rotated.secrets;
    expect(previous?.validUntil).not.toBeNull();
    // Both instances accept both secrets (the second once it has read the rotation), and hold them in their caches.
    expect(await sendSigned(first, current?.secret ?? "")).toBe(200);
    expect(await statusOnceCaughtUp(second, current?.secret ?? "", 200)).toBe(200);
    for (const server of [first, second]) expect(await sendSigned(server, previous?.secret ?? "")).toBe(200);

    const viewer = await createSignedInUser(first.baseUrl, database.url, "viewer");
    expect((await post(first, "/api/webhooks/secret/revoke-previous", viewer.cookie)).status).toBe(403);
    expect((await post(first, "/api/webhooks/secret/revoke-previous", cookie, "https://evil.example")).status).toBe(403);
    expect((await fetch(`${first.baseUrl}/api/webhooks/secret/revoke-previous`, { method: "POST", headers: { origin: first.baseUrl } })).status).toBe(401);
    expect(await sendSigned(first, previous?.secret ?? "")).toBe(200);
    const listed = await (await fetch(`${first.baseUrl}/webhooks`, { headers: { cookie } })).text();
    expect(listed).toContain('data-testid="previous-secret"');

    const response = await post(first, "/api/webhooks/secret/revoke-previous", cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const revoked = (await response.json()) as { revoked: number; secrets: SecretView[] };
    expect(revoked.revoked).toBe(1);
    expect(revoked.secrets.map((secret) => secret.secret)).toEqual([current?.secret]);

    // This instance: from the next webhook on.
    const refused = await postWebhook(first.baseUrl, camelStatusUpdate({ status: "in-progress" }), { secret: previous?.secret });
    expect(refused.status).toBe(401);
    expect(await sendSigned(first, current?.secret ?? "")).toBe(200);

    // The other instance: once its cache has expired, which it does within SIGNING_SECRETS_CACHE_MS.
    expect(await statusOnceCaughtUp(second, previous?.secret ?? "", 401)).toBe(401);
    expect(await sendSigned(second, current?.secret ?? "")).toBe(200);

    // Nothing left to revoke; the page no longer lists a previous secret.
    expect(((await (await post(first, "/api/webhooks/secret/revoke-previous", cookie)).json()) as { revoked: number }).revoked).toBe(0);
    const page = await (await fetch(`${first.baseUrl}/webhooks`, { headers: { cookie } })).text();
    // (The page's markup, not its text: the words are in the page's messages whether shown or not.)
    expect(page).not.toContain('data-testid="previous-secret"');
  });
});
