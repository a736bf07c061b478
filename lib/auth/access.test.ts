// Integration: sign-in, roles, CSRF, security headers and the socket, over HTTP against the real server.
import { execFile } from "node:child_process";
import path from "node:path";
import { io as connectSocket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser, createTestUser, newTestUser, signIn } from "@/lib/testing/auth";
import { camelStatusUpdate, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_AUTH_SECRET, TEST_ENCRYPTION_KEY, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

type Account = Awaited<ReturnType<typeof createSignedInUser>>;

const METRICS_TOKEN = "metrics-token-0123456789";

let server: TestServer;
let admin: Account;
let viewer: Account;

beforeAll(async () => {
  // Several sign-ins from one address within a minute; the sign-in limit has its own servers below.
  server = await startTestServer({ env: { LOGIN_ATTEMPTS_PER_MINUTE: "50" } });
  admin = await createSignedInUser(server.baseUrl, server.database.url, "admin");
  viewer = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
});

let supervisorPromise: Promise<Account> | undefined;
const supervisorAccount = () => (supervisorPromise ??= createSignedInUser(server.baseUrl, server.database.url, "supervisor"));

afterAll(async () => {
  await server?.stop();
});

const get = (pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}${pathname}`, { headers, redirect: "manual" });
const post = (pathname: string, headers: Record<string, string> = {}, body = "{}") =>
  fetch(`${server.baseUrl}${pathname}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, redirect: "manual" });

// Pages and API routes, including ones other parts of Callboard add: protection is central, in proxy.ts.
const PAGES = ["/", "/?q=0612", "/calls/some-call", "/settings/users", "/webhooks"];
const API_ROUTES = ["/api/calls/board", "/api/calls/stats", "/api/calls/export", "/api/webhooks/deliveries", "/api/webhooks/settings", "/api/flireo/key", "/api/users", "/api/metrics"];
const ADMIN_PAGES = ["/settings/users", "/webhooks", "/webhooks/deliveries", "/settings/call-control"];
const ADMIN_API = [
  "/api/webhooks/settings",
  "/api/webhooks/deliveries",
  "/api/flireo/key",
  "/api/flireo/assistants",
  "/api/users",
  "/api/calls/commands",
  "/api/flireo/transfer-destinations",
  "/api/flireo/call-control",
];

describe("anonymous requests", () => {
  it.each(PAGES)("page %s redirects to /login with the way back", async (pathname) => {
    const response = await get(pathname);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "", server.baseUrl);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("next")).toBe(pathname);
  });

  it.each(API_ROUTES)("API %s answers 401 in the error shape", async (pathname) => {
    for (const response of [await get(pathname), await post(pathname, { origin: server.baseUrl })]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
  });

  it("a forged or stale session cookie is anonymous", async () => {
    const response = await get("/api/calls/board", { cookie: "callboard.session_token=forged.value" });
    expect(response.status).toBe(401);
  });

  it("leaves the webhook, sign-in, the health check and the tab icon open", async () => {
    expect((await get("/api/webhooks/flireo")).status).toBe(200);
    const webhook = await postWebhook(server.baseUrl, camelStatusUpdate({ status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET });
    expect(webhook.status).toBe(200);
    expect((await get("/login")).status).toBe(200);
    expect((await get("/api/auth/get-session")).status).toBe(200);
    expect((await get("/api/health")).status).not.toBe(401);
    const icon = await get("/favicon.ico");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/x-icon");
  });

  it("refuses the socket", async () => {
    await expect(connect(undefined)).rejects.toThrow(/unauthorized/);
    await expect(connect("callboard.session_token=forged.value")).rejects.toThrow(/unauthorized/);
  });
});

describe("after sign-in", () => {
  it("goes on only to a path on this site, however the next parameter is disguised", async () => {
    const location = async (next: string) => {
      const response = await get(`/login?next=${next}`, { cookie: viewer.cookie });
      expect(response.status, next).toBe(307);
      return response.headers.get("location");
    };
    expect(await location("%2Fcalls%2Fsome-call%3Fq%3D06")).toBe("/calls/some-call?q=06");
    for (const hostile of ["/%09/evil.example", "/%0A/evil.example", "/%5C/evil.example", "/%5Cevil.example", "//evil.example", "/%2F%2Fevil.example", "%2F%2Fevil.example", "https://evil.example/", "https:%2F%2Fevil.example"]) {
      expect(await location(hostile), hostile).toBe("/");
    }
  });
});

describe("viewers", () => {
  it("see the board and its API", async () => {
    expect((await get("/", { cookie: viewer.cookie })).status).toBe(200);
    const board = await get("/api/calls/board", { cookie: viewer.cookie });
    expect(board.status).toBe(200);
    expect(await board.json()).toMatchObject({ live: expect.any(Array), errors: expect.any(Array) });
  });

  it.each(ADMIN_PAGES)("get 403 for the admin page %s", async (pathname) => {
    const response = await get(pathname, { cookie: viewer.cookie });
    expect(response.status).toBe(403);
    // The refusal page, not the admin page: nothing Next.js rendered (its pages load scripts from /_next/static).
    const body = await response.text();
    expect(body).toContain("<h1>Not for your role</h1>");
    expect(body).not.toContain("/_next/");
  });

  it.each(ADMIN_API)("can neither read nor change %s", async (pathname) => {
    const headers = { cookie: viewer.cookie, origin: server.baseUrl };
    for (const response of [await get(pathname, headers), await post(pathname, headers), await fetch(`${server.baseUrl}${pathname}`, { method: "PUT", headers, body: "{}" }), await fetch(`${server.baseUrl}${pathname}`, { method: "DELETE", headers })]) {
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
    }
  });

  it.each(ADMIN_API)("a supervisor, who may act on calls, is no admin either: %s", async (pathname) => {
    const supervisor = await supervisorAccount();
    const headers = { cookie: supervisor.cookie, origin: server.baseUrl };
    expect((await get(pathname, headers)).status).toBe(403);
    expect((await post(pathname, headers)).status).toBe(403);
    expect((await get("/settings/call-control", { cookie: supervisor.cookie })).status).toBe(403);
  });

  it("cannot manage users through Better Auth's admin endpoints", async () => {
    const headers = { cookie: viewer.cookie, origin: server.baseUrl };
    expect((await get("/api/auth/admin/list-users", headers)).status).toBe(403);
    const create = await post("/api/auth/admin/create-user", headers, JSON.stringify({ email: "mallory@example.test", password: "0123456789ab", name: "M", role: "admin" }));
    expect(create.status).toBe(403);
    const promote = await post("/api/auth/admin/set-role", headers, JSON.stringify({ userId: viewer.id, role: "admin" }));
    expect(promote.status).toBe(403);
    expect((await get("/settings/users", { cookie: viewer.cookie })).status).toBe(403);
  });

  it("never receive a secret", async () => {
    const bodies = await Promise.all(["/", "/api/calls/board", "/api/auth/get-session"].map(async (pathname) => (await get(pathname, { cookie: viewer.cookie })).text()));
    for (const body of bodies) {
      expect(body).not.toContain(TEST_WEBHOOK_SECRET);
      expect(body).not.toContain(TEST_AUTH_SECRET);
      expect(body).not.toMatch(/"password"/);
    }
    expect(bodies[2]).toContain(viewer.email);
  });

  it("connect to the socket", async () => {
    const socket = await connect(viewer.cookie);
    expect(socket.connected).toBe(true);
    socket.disconnect();
  });
});

describe("admins", () => {
  it("pass the admin prefixes (the routes answer for themselves)", async () => {
    const users = await get("/settings/users", { cookie: admin.cookie });
    expect(users.status).toBe(200);
    expect(await users.text()).toContain(viewer.email);
    // Not built here: the proxy lets an admin through and Next answers 404.
    expect((await get("/api/flireo/not-a-route", { cookie: admin.cookie })).status).toBe(404);
  });

  it("add and remove a user; the removed user's session and socket end at once", async () => {
    const headers = { cookie: admin.cookie, origin: server.baseUrl };
    const newcomer = newTestUser("viewer");
    const created = await post("/api/auth/admin/create-user", headers, JSON.stringify({ ...newcomer, name: "Newcomer" }));
    expect(created.status).toBe(200);
    const { user } = (await created.json()) as { user: { id: string; role: string } };
    expect(user.role).toBe("viewer");
    const cookie = await signIn(server.baseUrl, newcomer.email, newcomer.password);
    const socket = await connect(cookie);
    const disconnected = new Promise((resolve) => socket.on("disconnect", resolve));

    expect((await post("/api/auth/admin/remove-user", headers, JSON.stringify({ userId: user.id }))).status).toBe(200);
    expect((await get("/api/calls/board", { cookie })).status).toBe(401);
    await disconnected;
    await expect(connect(cookie)).rejects.toThrow(/unauthorized/);
  });
});

describe("sessions and CSRF", () => {
  it("keep the session cookie httpOnly and SameSite=Lax (Secure only over https)", async () => {
    const user = newTestUser("viewer");
    await createTestUser(server.database.url, user);
    const response = await post("/api/auth/sign-in/email", { origin: server.baseUrl }, JSON.stringify({ email: user.email, password: user.password }));
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith("callboard.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("refuses cross-site mutations, even with a valid session", async () => {
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site", origin: "http://sub.127.0.0.1" }];
    for (const headers of crossSite) {
      const response = await post("/api/calls/board", { cookie: admin.cookie, ...headers });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/Cross-site/) } });
      expect((await post("/api/auth/sign-out", { cookie: admin.cookie, ...headers })).status).toBe(403);
    }
    // The same request from the page's own origin reaches the route (which has no POST: 405).
    expect((await post("/api/calls/board", { cookie: admin.cookie, origin: server.baseUrl, "sec-fetch-site": "same-origin" })).status).toBe(405);
    expect((await get("/api/calls/board", { cookie: admin.cookie })).status).toBe(200);
  });

  it("signs out, which also ends that session's live connection", async () => {
    const user = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
    const socket = await connect(user.cookie);
    const disconnected = new Promise((resolve) => socket.on("disconnect", resolve));
    expect((await post("/api/auth/sign-out", { cookie: user.cookie, origin: server.baseUrl })).status).toBe(200);
    expect((await get("/api/calls/board", { cookie: user.cookie })).status).toBe(401);
    expect(await disconnected).toBe("io server disconnect");
  });
});

describe("security headers", () => {
  it("are on pages, API responses, redirects and the webhook route", async () => {
    const responses = [await get("/", { cookie: viewer.cookie }), await get("/login"), await get("/"), await get("/api/calls/board"), await get("/api/webhooks/flireo")];
    for (const response of responses) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
    for (const response of responses.slice(0, 4)) {
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
      expect(csp).toContain("object-src 'none'");
    }
  });

  it("use a fresh nonce per response and put it on the page's scripts", async () => {
    const first = await get("/login");
    const second = await get("/login");
    const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(first)).toBeTruthy();
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonceOf(first)}"`);
  });
});

describe("logs", () => {
  it("contain no secrets or passwords", () => {
    const output = server.output();
    for (const secret of [TEST_WEBHOOK_SECRET, TEST_AUTH_SECRET, viewer.password]) expect(output).not.toContain(secret);
  });
});

describe("first run, rate limits", () => {
  let fresh: TestServer;
  beforeAll(async () => {
    fresh = await startTestServer({ env: { LOGIN_ATTEMPTS_PER_MINUTE: "3", WEBHOOK_RATE_LIMIT_PER_MINUTE: "5", METRICS_TOKEN } });
  });
  afterAll(async () => {
    await fresh?.stop();
  });

  it("offers /setup until an admin exists (made here by npm run user:create), then 404s", async () => {
    const login = await fetch(`${fresh.baseUrl}/login`, { redirect: "manual" });
    expect(login.status).toBe(307);
    expect(login.headers.get("location")).toContain("/setup");
    expect((await fetch(`${fresh.baseUrl}/setup`)).status).toBe(200);

    const root = path.resolve(import.meta.dirname, "../..");
    // Asynchronously: a blocked event loop would keep fetch's idle connections past the server closing them.
    const run = (args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        // The same environment as the server's, as an installer runs it: the secrets at rest share its key.
        const options = { cwd: root, env: { ...process.env, DATABASE_URL: fresh.database.url, AUTH_SECRET: TEST_AUTH_SECRET, CALLBOARD_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY } };
        const child = execFile(process.execPath, ["--import", "tsx", "scripts/user-create.ts", ...args], options, (_error, stdout, stderr) =>
          resolve({ status: child.exitCode, stdout, stderr }),
        );
      });
    const refused = await run(["--email", "not-an-email", "--password", "0123456789ab", "--role", "admin"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("valid email");
    const created = await run(["--email", "First@Example.test", "--password", "first-admin-password", "--role", "admin"]);
    expect(created.stdout, created.stderr).toContain("Created first@example.test (admin).");

    expect((await fetch(`${fresh.baseUrl}/setup`)).status).toBe(404);
    const cookie = await signIn(fresh.baseUrl, "first@example.test", "first-admin-password");
    expect((await fetch(`${fresh.baseUrl}/settings/users`, { headers: { cookie } })).status).toBe(200);
  });

  it("answers repeated wrong passwords with 429, whatever X-Forwarded-For says", async () => {
    const attempt = (index: number) =>
      fetch(`${fresh.baseUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: fresh.baseUrl, "x-forwarded-for": `203.0.113.${index}` },
        body: JSON.stringify({ email: "first@example.test", password: `wrong-password-${index}` }),
      });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++) statuses.push((await attempt(index)).status);
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const limited = await attempt(9);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-retry-after") ?? limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("lets a scraper with METRICS_TOKEN read /api/metrics, and nothing else", async () => {
    const withToken = (token: string, pathname = "/api/metrics") => fetch(`${fresh.baseUrl}${pathname}`, { headers: { authorization: `Bearer ${token}` } });
    // Past the proxy (this build has no metrics route yet: 404), where a wrong token or another path stops.
    expect((await withToken(METRICS_TOKEN)).status).not.toBe(401);
    expect((await withToken(`${METRICS_TOKEN}x`)).status).toBe(401);
    expect((await withToken(METRICS_TOKEN, "/api/calls/board")).status).toBe(401);
  });

  it("rate-limits the webhook route per source with 429 and Retry-After", async () => {
    const send = (forwardedFor: string) =>
      postWebhook(fresh.baseUrl, camelStatusUpdate({ status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET, headers: { "x-forwarded-for": forwardedFor } });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++) statuses.push((await send(`198.51.100.${index}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await send("198.51.100.99");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
  });
});

function connect(cookie: string | undefined): Promise<ReturnType<typeof connectSocket>> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(server.baseUrl, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: cookie ? { cookie } : {},
    });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

describe("sign-in rate limit behind a load balancer", () => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer({ env: { LOGIN_ATTEMPTS_PER_MINUTE: "4" } });
    second = await startTestServer({ database: first.database, env: { LOGIN_ATTEMPTS_PER_MINUTE: "4" } });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it("counts wrong passwords sent to either instance against one limit", async () => {
    const attempt = (server: TestServer, index: number) =>
      fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.baseUrl },
        body: JSON.stringify({ email: "nobody@example.test", password: `wrong-password-${index}` }),
      });
    // Alternating: each instance alone has seen only half the attempts, under its limit of 4.
    const statuses: number[] = [];
    for (let index = 0; index < 6; index++) statuses.push((await attempt(index % 2 === 0 ? first : second, index)).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429]);
  });
});
