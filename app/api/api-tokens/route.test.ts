// Integration: admins make, list and revoke read-API tokens; /api/v1 accepts exactly the valid ones.
import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiTokenView } from "@/lib/shared/api-tokens/api-token-view";
import { generateApiToken } from "@/lib/api-tokens/api-token-secret";
import { createSignedInUser } from "@/lib/testing/auth";
import { apiGet, createApiTokenOverHttp } from "@/lib/testing/api-tokens";
import { startTestServer, type TestServer } from "@/lib/testing/test-server";

const RATE_LIMIT = 25;

let server: TestServer;
let db: pg.Pool;
let admin: Awaited<ReturnType<typeof createSignedInUser>>;
let viewer: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  server = await startTestServer({ env: { API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) } });
  db = new pg.Pool({ connectionString: server.database.url });
  admin = await createSignedInUser(server.baseUrl, server.database.url, "admin");
  viewer = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
});

afterAll(async () => {
  await db?.end();
  await server?.stop();
});

const send = (method: string, pathname: string, headers: Record<string, string> = {}, body?: unknown) =>
  fetch(`${server.baseUrl}${pathname}`, {
    method,
    headers: { origin: server.baseUrl, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: "manual",
  });

async function listTokens(): Promise<ApiTokenView[]> {
  const response = await send("GET", "/api/api-tokens", { cookie: admin.cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as { tokens: ApiTokenView[] }).tokens;
}

async function expectRefused(response: Response, message: RegExp): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="Callboard API"/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  expect(body.error.message).toMatch(message);
}

describe("making tokens", () => {
  it("shows the secret once, stores only its SHA-256, and lists the token without it", async () => {
    const created = await createApiTokenOverHttp(server, { name: "CRM sync", expiresInDays: 30 }, admin.cookie);
    expect(created.secret).toMatch(/^cb_live_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toMatchObject({ name: "CRM sync", prefix: created.secret.slice(0, 14), scope: "read", state: "active", lastUsedAt: null, revokedAt: null });
    expect(created.token.createdBy).toEqual({ id: admin.id, email: admin.email });
    const expiresIn = Date.parse(created.token.expiresAt ?? "") - Date.parse(created.token.createdAt);
    expect(expiresIn).toBe(30 * 24 * 60 * 60 * 1000);

    const { rows } = await db.query<{ token_hash: string; prefix: string; row: string }>(
      `SELECT token_hash, prefix, row_to_json(t)::text AS row FROM api_tokens t WHERE id = $1`,
      [created.token.id],
    );
    expect(rows[0]?.token_hash).toBe(createHash("sha256").update(created.secret).digest("hex"));
    expect(rows[0]?.row).not.toContain(created.secret.slice(14));

    // Never again: not in the list, not on the page.
    const listed = await send("GET", "/api/api-tokens", { cookie: admin.cookie });
    const listText = await listed.text();
    expect(listText).toContain(created.token.id);
    expect(listText).not.toContain(created.secret);
    expect(listText).not.toContain(rows[0]?.token_hash);
    const page = await send("GET", "/settings/api-tokens", { cookie: admin.cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("CRM sync");
    expect(html).toContain(created.token.prefix);
    expect(html).not.toContain(created.secret);
  });

  it("refuses a token without a name or with an impossible expiry (422, saying why)", async () => {
    for (const body of [{ name: "  " }, { name: "x", expiresInDays: 0 }, { name: "x", expiresInDays: 1.5 }, { name: "x".repeat(101) }, {}]) {
      const response = await send("POST", "/api/api-tokens", { cookie: admin.cookie }, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(await response.json()).toMatchObject({ error: { code: "unprocessable", message: expect.stringMatching(/name|day/i) } });
    }
  });

  it("are for admins only: viewers get 403, the anonymous 401, cross-site posts 403", async () => {
    const [token] = await listTokens();
    for (const [method, pathname] of [["GET", "/api/api-tokens"], ["POST", "/api/api-tokens"], ["POST", `/api/api-tokens/${token?.id}/revoke`], ["GET", "/settings/api-tokens"]] as const) {
      expect((await send(method, pathname, { cookie: viewer.cookie }, method === "POST" ? { name: "mine" } : undefined)).status, `${method} ${pathname}`).toBe(403);
      expect((await send(method, pathname, {}, method === "POST" ? { name: "mine" } : undefined)).status, `${method} ${pathname}`).toBe(pathname.startsWith("/api") ? 401 : 303);
    }
    const crossSite = await send("POST", "/api/api-tokens", { cookie: admin.cookie, origin: "https://evil.example" }, { name: "evil" });
    expect(crossSite.status).toBe(403);
    expect((await listTokens()).some((listed) => listed.name === "mine" || listed.name === "evil")).toBe(false);
  });

  it("do not outlive their maker's admin rights: removed or made a viewer, however it is done, their tokens are revoked", async () => {
    const leaver = await createSignedInUser(server.baseUrl, server.database.url, "admin");
    const created = await createApiTokenOverHttp(server, { name: "Made by a leaver" }, leaver.cookie);
    expect((await apiGet(server, "/api/v1/calls?limit=1", created.secret)).status).toBe(200);
    // Through Better Auth's own endpoint, not the users page: the database revokes them all the same.
    const removed = await send("POST", "/api/auth/admin/remove-user", { cookie: admin.cookie }, { userId: leaver.id });
    expect(removed.status).toBe(200);
    await expectRefused(await apiGet(server, "/api/v1/calls?limit=1", created.secret), /revoked/);
    expect((await listTokens()).find((token) => token.id === created.token.id)).toMatchObject({ createdBy: null, state: "revoked" });

    const demoted = await createSignedInUser(server.baseUrl, server.database.url, "admin");
    const kept = await createApiTokenOverHttp(server, { name: "Made by a demoted admin" }, demoted.cookie);
    const setRole = await send("POST", "/api/auth/admin/set-role", { cookie: admin.cookie }, { userId: demoted.id, role: "viewer" });
    expect(setRole.status).toBe(200);
    await expectRefused(await apiGet(server, "/api/v1/calls?limit=1", kept.secret), /revoked/);
  });
});

describe("/api/v1 authentication", () => {
  it("refuses a request without a token, saying how to send one", async () => {
    await expectRefused(await apiGet(server, "/api/v1/calls", null), /Authorization: Bearer/);
    await expectRefused(await apiGet(server, "/api/v1/calls/some-id", null), /Authorization: Bearer/);
  });

  it("does not take a signed-in admin's session cookie instead of a token", async () => {
    await expectRefused(await apiGet(server, "/api/v1/calls", null, { cookie: admin.cookie }), /session is not enough/);
  });

  it("refuses other schemes, malformed and unknown tokens", async () => {
    const { secret } = await createApiTokenOverHttp(server);
    await expectRefused(await apiGet(server, "/api/v1/calls", null, { authorization: `Basic ${Buffer.from(`x:${secret}`).toString("base64")}` }), /Bearer scheme/);
    await expectRefused(await apiGet(server, "/api/v1/calls", null, { authorization: "Bearer" }), /Bearer scheme/);
    for (const wrong of [generateApiToken(), secret.slice(0, -1), `${secret}x`, secret.replace("cb_live_", "cb_test_"), "not-a-token"]) {
      await expectRefused(await apiGet(server, "/api/v1/calls", wrong), /not valid/);
    }
    expect((await apiGet(server, "/api/v1/calls", secret)).status).toBe(200);
    // The scheme's name is case-insensitive (RFC 7235).
    expect((await apiGet(server, "/api/v1/calls", null, { authorization: `bearer ${secret}` })).status).toBe(200);
  });

  it("stops a revoked token at once, and says it was revoked", async () => {
    const created = await createApiTokenOverHttp(server, { name: "To revoke" });
    expect((await apiGet(server, "/api/v1/calls?limit=1", created.secret)).status).toBe(200);
    const revoked = await send("POST", `/api/api-tokens/${created.token.id}/revoke`, { cookie: admin.cookie });
    expect(revoked.status).toBe(200);
    const { token } = (await revoked.json()) as { token: ApiTokenView };
    expect(token).toMatchObject({ state: "revoked", revokedBy: { id: admin.id, email: admin.email } });
    await expectRefused(await apiGet(server, "/api/v1/calls?limit=1", created.secret), /"To revoke"\) was revoked/);
    await expectRefused(await apiGet(server, `/api/v1/calls/any`, created.secret), /revoked/);

    // Revoking again changes nothing; an unknown id is a 404.
    const again = await send("POST", `/api/api-tokens/${created.token.id}/revoke`, { cookie: admin.cookie });
    expect(((await again.json()) as { token: ApiTokenView }).token.revokedAt).toBe(token.revokedAt);
    const unknown = await send("POST", `/api/api-tokens/no-such-token/revoke`, { cookie: admin.cookie });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("no-such-token") } });
    expect((await listTokens()).find((listed) => listed.id === created.token.id)?.state).toBe("revoked");
  });

  it("refuses an expired token, and says it expired", async () => {
    const created = await createApiTokenOverHttp(server, { name: "Short-lived", expiresInDays: 1 });
    expect((await apiGet(server, "/api/v1/calls?limit=1", created.secret)).status).toBe(200);
    await db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.token.id]);
    await expectRefused(await apiGet(server, "/api/v1/calls?limit=1", created.secret), /"Short-lived"\) expired/);
    expect((await listTokens()).find((listed) => listed.id === created.token.id)?.state).toBe("expired");
  });
});

describe("last used", () => {
  const lastUsed = async (id: string) => (await db.query<{ last_used_at: Date | null }>(`SELECT last_used_at FROM api_tokens WHERE id = $1`, [id])).rows[0]?.last_used_at ?? null;

  it("is set on first use, then written at most once a minute rather than on every request", async () => {
    const created = await createApiTokenOverHttp(server);
    expect(await lastUsed(created.token.id)).toBeNull();
    const before = Date.now();
    expect((await apiGet(server, "/api/v1/calls?limit=1", created.secret)).status).toBe(200);
    const first = await lastUsed(created.token.id);
    expect(first?.getTime()).toBeGreaterThanOrEqual(before - 5);

    for (let i = 0; i < 5; i++) expect((await apiGet(server, "/api/v1/calls?limit=1", created.secret)).status).toBe(200);
    expect(await lastUsed(created.token.id)).toEqual(first);

    // A minute later (moved back in the database), the next request writes it again.
    await db.query(`UPDATE api_tokens SET last_used_at = last_used_at - interval '61 seconds' WHERE id = $1`, [created.token.id]);
    const stale = await lastUsed(created.token.id);
    expect((await apiGet(server, "/api/v1/calls?limit=1", created.secret)).status).toBe(200);
    const refreshed = await lastUsed(created.token.id);
    expect(refreshed?.getTime()).toBeGreaterThan(stale?.getTime() ?? Infinity);
    expect((await listTokens()).find((token) => token.id === created.token.id)?.lastUsedAt).toBe(refreshed?.toISOString());
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a token has used its minute's allowance; other tokens go on", async () => {
    const busy = await createApiTokenOverHttp(server, { name: "Busy" });
    const calm = await createApiTokenOverHttp(server, { name: "Calm" });
    // The allowance refills steadily (one request per 60/RATE_LIMIT s), so the minute's worth goes at once, and a
    // slow machine may have earned a request or two back before the next ones arrive.
    const statuses = await Promise.all(
      Array.from({ length: RATE_LIMIT }, async () => (await apiGet(server, "/api/v1/calls?limit=1", busy.secret)).status),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    let limited = await apiGet(server, "/api/v1/calls?limit=1", busy.secret);
    for (let extra = 0; extra < 3 && limited.status === 200; extra++) limited = await apiGet(server, "/api/v1/calls?limit=1", busy.secret);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited", message: expect.stringContaining(`${RATE_LIMIT} requests in a minute`) } });
    expect((await apiGet(server, "/api/v1/calls?limit=1", calm.secret)).status).toBe(200);
  });
});
