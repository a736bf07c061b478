// Integration: admins make, list and revoke wallboard links; a link opens /wall and its API, masked, and nothing else.
import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BoardSnapshot, CallView } from "@/lib/shared/calls/call-view";
import type { WallboardEnded } from "@/lib/shared/realtime/events";
import type { WallFigures } from "@/lib/shared/wallboards/wall-options";
import type { WallboardView } from "@/lib/shared/wallboards/wallboard-view";
import { createSignedInUser } from "@/lib/testing/auth";
import { listenToCallUpdates } from "@/lib/testing/call-updates";
import { newCallId, postWebhook, snakeStatusUpdate } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { connectAsWallboard, createWallboardOverHttp, wallboardCookie, wallboardSecret } from "@/lib/testing/wallboards";

let server: TestServer;
let db: pg.Pool;
let admin: Awaited<ReturnType<typeof createSignedInUser>>;
let viewer: Awaited<ReturnType<typeof createSignedInUser>>;
let supervisor: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  server = await startTestServer({ env: { SOCKET_REVALIDATE_SECONDS: "1", WALLBOARD_MAX_SCREENS: "2" } });
  db = new pg.Pool({ connectionString: server.database.url });
  admin = await createSignedInUser(server.baseUrl, server.database.url, "admin");
  viewer = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
  supervisor = await createSignedInUser(server.baseUrl, server.database.url, "supervisor");
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

async function listWallboards(): Promise<WallboardView[]> {
  const response = await send("GET", "/api/wallboards", { cookie: admin.cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as { wallboards: WallboardView[] }).wallboards;
}

/** The promise's value, or a failure naming what did not happen within 5 s. */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`No ${what} within 5 s`)), 5_000))]);
}

/** A unique line and customer for each test, so tests never see each other's calls. */
function uniqueNumbers() {
  const tail = String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
  return { line: `+3120${tail}`, customer: `+3161${tail}` };
}

async function startCall(line: string, customer: string, extra: { error?: string } = {}): Promise<string> {
  const callId = newCallId();
  const status = extra.error ? "ended-with-error" : "in-progress";
  const response = await postWebhook(server.baseUrl, snakeStatusUpdate({ callId, status, lineNumber: line, customerNumber: customer, ...extra }), { secret: TEST_WEBHOOK_SECRET });
  expect(response.status).toBe(200);
  return callId;
}

describe("making wallboard links", () => {
  it("answers { id, url } with the secret once, stores only its SHA-256, and lists the link without it", async () => {
    const created = await createWallboardOverHttp(server.baseUrl, admin.cookie, { name: "Support floor", expiresInDays: 30 });
    expect(new URL(created.url).origin).toBe(server.baseUrl);
    const secret = wallboardSecret(created.url);
    expect(secret).toMatch(/^cb_wall_[A-Za-z0-9_-]{43}$/);
    expect(new URL(created.url).pathname).toBe("/wall");
    expect(created.id).toBe(created.wallboard.id);
    expect(created.wallboard).toMatchObject({ name: "Support floor", isMasked: true, lineNumber: null, state: "active", lastUsedAt: null });
    const { rows } = await db.query<{ token_hash: string; row: string }>(`SELECT token_hash, row_to_json(w)::text AS row FROM wallboards w WHERE id = $1`, [created.id]);
    expect(rows[0]?.token_hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(rows[0]?.row).not.toContain(secret.slice(14));
    const listed = await (await send("GET", "/api/wallboards", { cookie: admin.cookie })).text();
    expect(listed).toContain(created.id);
    expect(listed).not.toContain(secret);
    expect(listed).not.toContain(rows[0]?.token_hash);
  });

  it("refuses a link without a name, with a malformed line or an impossible expiry (422, saying why)", async () => {
    for (const body of [{ name: " " }, { name: "x", lineNumber: "0201234567" }, { name: "x", expiresInDays: 0 }, { name: "x", expiresInDays: 2.5 }, { name: "x", showFullNumbers: "yes" }, { name: "x".repeat(101) }]) {
      const response = await send("POST", "/api/wallboards", { cookie: admin.cookie }, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(await response.json()).toMatchObject({ error: { code: "unprocessable", message: expect.stringMatching(/name|line|day|showFullNumbers/) } });
    }
  });

  it("keeps the language chosen for the link (English when none is given) and refuses one Callboard does not speak (422 naming locale)", async () => {
    const dutch = await createWallboardOverHttp(server.baseUrl, admin.cookie, { locale: "nl" });
    expect(dutch.wallboard.locale).toBe("nl");
    expect((await createWallboardOverHttp(server.baseUrl, admin.cookie)).wallboard.locale).toBe("en");
    expect((await listWallboards()).find((wallboard) => wallboard.id === dutch.id)?.locale).toBe("nl");
    for (const locale of ["de", "NL", "", null, 1]) {
      const response = await send("POST", "/api/wallboards", { cookie: admin.cookie }, { name: "x", locale });
      expect(response.status, JSON.stringify(locale)).toBe(422);
      expect(await response.json()).toMatchObject({ error: { code: "unprocessable", message: expect.stringMatching(/^The request body has the wrong shape\. locale: locale must be one of en, nl/) } });
    }
  });

  it("are for admins only: viewers and supervisors get 403, the anonymous 401, cross-site requests 403", async () => {
    const target = await createWallboardOverHttp(server.baseUrl, admin.cookie);
    const attempts = [
      ["GET", "/api/wallboards"],
      ["POST", "/api/wallboards"],
      ["DELETE", `/api/wallboards/${target.id}`],
      ["GET", "/settings/wallboards"],
    ] as const;
    for (const user of [viewer, supervisor]) {
      for (const [method, pathname] of attempts) {
        expect((await send(method, pathname, { cookie: user.cookie }, method === "POST" ? { name: "mine" } : undefined)).status, `${user.role} ${method} ${pathname}`).toBe(403);
      }
    }
    for (const [method, pathname] of attempts) {
      expect((await send(method, pathname, {}, method === "POST" ? { name: "mine" } : undefined)).status, `anonymous ${method} ${pathname}`).toBe(pathname.startsWith("/api") ? 401 : 303);
    }
    expect((await send("POST", "/api/wallboards", { cookie: admin.cookie, origin: "https://evil.example" }, { name: "evil" })).status).toBe(403);
    expect((await send("DELETE", `/api/wallboards/${target.id}`, { cookie: admin.cookie, "sec-fetch-site": "cross-site" })).status).toBe(403);
    const wallboards = await listWallboards();
    expect(wallboards.some((listed) => listed.name === "mine" || listed.name === "evil")).toBe(false);
    expect(wallboards.find((listed) => listed.id === target.id)?.state).toBe("active");
  });

  it("escapes a hostile name on the settings page and on the wall", async () => {
    const hostile = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    const created = await createWallboardOverHttp(server.baseUrl, admin.cookie, { name: hostile });
    const page = await (await send("GET", "/settings/wallboards", { cookie: admin.cookie })).text();
    expect(page).not.toContain(hostile);
    expect(page).toContain("&lt;img src=x onerror=");
    const wall = await (await send("GET", "/wall", { cookie: wallboardCookie(created.url) })).text();
    expect(wall).not.toContain("<img src=x");
    expect(wall).not.toContain("<script>alert(2)");
  });
});

describe("a wallboard link", () => {
  it("moves its secret into an httpOnly cookie on the first visit and opens the wall without it in the address", async () => {
    const created = await createWallboardOverHttp(server.baseUrl, admin.cookie, { name: "Hall TV" });
    const visit = await send("GET", `${new URL(created.url).pathname}${new URL(created.url).search}&theme=light`);
    expect(visit.status).toBe(303);
    expect(new URL(visit.headers.get("location") ?? "", server.baseUrl).search).toBe("?theme=light");
    const cookie = visit.headers.getSetCookie().find((line) => line.startsWith("callboard_wallboard="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    const wall = await send("GET", "/wall?theme=light", { cookie: cookie?.split(";")[0] ?? "", "x-forwarded-for": "198.51.100.7" });
    expect(wall.status).toBe(200);
    expect(await wall.text()).toContain("Hall TV");
    const listed = (await listWallboards()).find((wallboard) => wallboard.id === created.id);
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(listed?.lastUsedAddress).toMatch(/127\.0\.0\.1|::1|198\.51\.100\.7/);
  });

  it("shows its wall in the link's language whatever the browser asks for, and a client cannot choose it with a header", async () => {
    const htmlLang = async (response: Response) => /<html lang="(\w+)"/.exec(await response.text())?.[1];
    const dutch = wallboardCookie((await createWallboardOverHttp(server.baseUrl, admin.cookie, { locale: "nl" })).url);
    const english = wallboardCookie((await createWallboardOverHttp(server.baseUrl, admin.cookie, { locale: "en" })).url);
    const dutchWall = await send("GET", "/wall", { cookie: dutch, "accept-language": "en-US,en;q=0.9" });
    const text = await dutchWall.text();
    expect(/<html lang="(\w+)"/.exec(text)?.[1]).toBe("nl");
    expect(text).toContain("Lopend · langste eerst");
    // The link's language wins over the browser's, its cookie and a header claiming to be the proxy's.
    expect(await htmlLang(await send("GET", "/wall", { cookie: `${english}; callboard-locale=nl`, "accept-language": "nl-NL", "x-callboard-internal-wall-locale": "nl" }))).toBe("en");
    // A signed-in user's wall, and any other page, is in the user's language: the header from outside is ignored.
    expect(await htmlLang(await send("GET", "/wall", { cookie: admin.cookie, "accept-language": "en-US", "x-callboard-internal-wall-locale": "nl" }))).toBe("en");
    expect(await htmlLang(await send("GET", "/calls", { cookie: admin.cookie, "accept-language": "en-US", "X-Callboard-Internal-Wall-Locale": "nl" }))).toBe("en");
    expect(await htmlLang(await send("GET", "/wall", { cookie: admin.cookie, "accept-language": "nl-NL,nl;q=0.9" }))).toBe("nl");
  });

  it("opens the wall and its API, and gets 403 on every other page and API", async () => {
    const created = await createWallboardOverHttp(server.baseUrl, admin.cookie);
    const cookie = wallboardCookie(created.url);
    const callId = await startCall(uniqueNumbers().line, uniqueNumbers().customer);
    for (const pathname of ["/wall", "/api/wall/board", "/api/wall/figures"]) expect((await send("GET", pathname, { cookie })).status, pathname).toBe(200);
    for (const pathname of ["/", `/calls/${callId}`, "/calls", "/api/calls/export", "/api/calls/board", "/api/calls/stats?since=2026-01-01T00:00:00Z", `/api/calls/${callId}/events`, "/webhooks", "/settings/wallboards", "/api/wallboards", "/api/metrics", "/wallboards"]) {
      const response = await send("GET", pathname, { cookie });
      expect(response.status, pathname).toBe(403);
    }
    const refused = await send("GET", "/api/calls/export", { cookie });
    expect(await refused.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("/wall") } });
    expect((await send("POST", "/api/wallboards", { cookie }, { name: "from a TV" })).status).toBe(403);
    expect((await send("DELETE", `/api/wallboards/${created.id}`, { cookie })).status).toBe(403);
  });

  it("masks customers' numbers to their last four digits in the page, the API and the socket; an unmasked link shows them", async () => {
    const { line, customer } = uniqueNumbers();
    const masked = await createWallboardOverHttp(server.baseUrl, admin.cookie, { lineNumber: line });
    const unmasked = await createWallboardOverHttp(server.baseUrl, admin.cookie, { lineNumber: line, showFullNumbers: true });
    const maskedSocket = await listenToCallUpdates(server.baseUrl, wallboardCookie(masked.url));
    const fullSocket = await listenToCallUpdates(server.baseUrl, wallboardCookie(unmasked.url));
    const boardSocket = await listenToCallUpdates(server.baseUrl, viewer.cookie);
    try {
      const callId = await startCall(line, customer);
      const errorId = await startCall(line, uniqueNumbers().customer, { error: `Transfer to ${customer} failed` });
      const last4 = customer.slice(-4);
      expect((await maskedSocket.waitFor((call) => call.id === callId)).customerNumber).toBe(`••• ${last4}`);
      expect((await maskedSocket.waitFor((call) => call.id === errorId)).error).toBe(`Transfer to ••• ${last4} failed`);
      expect((await fullSocket.waitFor((call) => call.id === callId)).customerNumber).toBe(customer);
      expect((await boardSocket.waitFor((call) => call.id === callId)).customerNumber).toBe(customer);
      expect(JSON.stringify(maskedSocket.received)).not.toContain(customer.slice(1));

      const snapshot = (await (await send("GET", "/api/wall/board", { cookie: wallboardCookie(masked.url) })).json()) as BoardSnapshot;
      const live = snapshot.live.find((call: CallView) => call.id === callId);
      expect(live?.customerNumber).toBe(`••• ${last4}`);
      expect(JSON.stringify(snapshot)).not.toContain(customer.slice(1));
      const html = await (await send("GET", "/wall", { cookie: wallboardCookie(masked.url) })).text();
      expect(html).toContain(last4);
      expect(html).not.toContain(customer.slice(1));
      const full = (await (await send("GET", "/api/wall/board", { cookie: wallboardCookie(unmasked.url) })).json()) as BoardSnapshot;
      expect(full.live.find((call) => call.id === callId)?.customerNumber).toBe(customer);
    } finally {
      maskedSocket.close();
      fullSocket.close();
      boardSocket.close();
    }
  });

  it("shows only its own line, whatever line its address asks for: the page, its lists and its figures", async () => {
    const mine = uniqueNumbers();
    const other = uniqueNumbers();
    const created = await createWallboardOverHttp(server.baseUrl, admin.cookie, { lineNumber: mine.line, showFullNumbers: true });
    const cookie = wallboardCookie(created.url);
    const myCall = await startCall(mine.line, mine.customer);
    const otherCalls = [await startCall(other.line, other.customer), await startCall(other.line, uniqueNumbers().customer)];
    const asking = `?line=${encodeURIComponent(other.line)}`;
    const snapshot = (await (await send("GET", `/api/wall/board${asking}`, { cookie })).json()) as BoardSnapshot;
    expect(snapshot.live.map((call) => call.id)).toContain(myCall);
    expect(snapshot.live.map((call) => call.id)).not.toContain(otherCalls[0]);
    // Nor does it learn which other lines there are.
    expect(snapshot.lines.map((line) => line.number)).toEqual([mine.line]);
    const page = await send("GET", `/wall${asking}`, { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(myCall);
    expect(html).toContain(mine.customer);
    for (const otherCall of otherCalls) expect(html).not.toContain(otherCall);
    expect(html).not.toContain(other.customer);
    for (const pathname of [`/api/wall/figures${asking}`, "/api/wall/figures"]) {
      const figures = (await (await send("GET", pathname, { cookie })).json()) as WallFigures;
      expect(figures.callsLastHour, pathname).toBe(1);
    }
    // A signed-in user's wall shows the line its address asks for.
    const usersFigures = (await (await send("GET", `/api/wall/figures${asking}`, { cookie: viewer.cookie })).json()) as WallFigures;
    expect(usersFigures.callsLastHour).toBe(2);
  });

  it("is sent only its own line's calls over its socket, masked or in full, while a link for every line and a board get every line's", async () => {
    const mine = uniqueNumbers();
    const other = uniqueNumbers();
    const link = async (input: { lineNumber?: string; showFullNumbers?: boolean }) => listenToCallUpdates(server.baseUrl, wallboardCookie((await createWallboardOverHttp(server.baseUrl, admin.cookie, input)).url));
    const [masked, full, everyLine, everyLineFull, board] = await Promise.all([
      link({ lineNumber: mine.line }),
      link({ lineNumber: mine.line, showFullNumbers: true }),
      link({}),
      link({ showFullNumbers: true }),
      listenToCallUpdates(server.baseUrl, viewer.cookie),
    ]);
    const ownLine = [masked, full];
    try {
      const otherCall = await startCall(other.line, other.customer);
      for (const socket of [everyLine, everyLineFull, board]) await socket.waitFor((call) => call.id === otherCall);
      // After the other line's call reached everyone else: a call of its own line, on the same connection.
      const myCall = await startCall(mine.line, mine.customer);
      expect((await masked.waitFor((call) => call.id === myCall)).customerNumber).toBe(`••• ${mine.customer.slice(-4)}`);
      expect((await full.waitFor((call) => call.id === myCall)).customerNumber).toBe(mine.customer);
      // Both lines at once, in one message or several.
      const [bothMine, bothOther] = await Promise.all([startCall(mine.line, uniqueNumbers().customer), startCall(other.line, uniqueNumbers().customer)]);
      for (const socket of [everyLine, everyLineFull, board]) await socket.waitFor((call) => call.id === bothOther);
      // The changes channel (a command-line process's changes) takes the same path, on each instance.
      await db.query("SELECT pg_notify('callboard_changes', $1)", [JSON.stringify({ calls: [otherCall, bothMine] })]);
      await expect.poll(() => everyLine.received.filter((call) => call.id === otherCall).length).toBe(2);
      for (const socket of ownLine) await expect.poll(() => socket.received.filter((call) => call.id === bothMine).length).toBe(2);
      const last = await startCall(mine.line, uniqueNumbers().customer);
      for (const socket of ownLine) await socket.waitFor((call) => call.id === last);

      for (const socket of ownLine) {
        expect(socket.received.length).toBeGreaterThanOrEqual(4);
        expect(socket.received.filter((call) => call.lineNumber !== mine.line)).toEqual([]);
        expect(JSON.stringify(socket.received)).not.toContain(other.customer.slice(1));
      }
      expect(everyLine.received.find((call) => call.id === otherCall)?.customerNumber).toBe(`••• ${other.customer.slice(-4)}`);
      expect(everyLineFull.received.find((call) => call.id === otherCall)?.customerNumber).toBe(other.customer);
    } finally {
      for (const socket of [masked, full, everyLine, everyLineFull, board]) socket.close();
    }
  });

  it("revoked: its screens are told and disconnected at once, and the link opens nothing any more", async () => {
    const created = await createWallboardOverHttp(server.baseUrl, admin.cookie, { name: "To revoke" });
    const cookie = wallboardCookie(created.url);
    const socket = await connectAsWallboard(server.baseUrl, cookie);
    const ended = new Promise<WallboardEnded>((resolve) => socket.on("wallboard:ended", resolve));
    const disconnected = new Promise<string>((resolve) => socket.on("disconnect", resolve));
    const revoked = await send("DELETE", `/api/wallboards/${created.id}`, { cookie: admin.cookie });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { wallboard: WallboardView }).wallboard.state).toBe("revoked");
    expect(await within(ended, "wallboard:ended")).toMatchObject({ reason: "revoked" });
    expect(await within(disconnected, "disconnect")).toBe("io server disconnect");

    await expect(connectAsWallboard(server.baseUrl, cookie)).rejects.toMatchObject({ data: { error: { code: "forbidden", details: { reason: "revoked" } } } });
    for (const pathname of ["/wall", "/api/wall/board", created.url.replace(server.baseUrl, "")]) {
      const response = await send("GET", pathname, { cookie });
      expect(response.status, pathname).toBe(403);
      expect(await response.text()).toMatch(/revoked/);
    }
    expect((await send("DELETE", `/api/wallboards/${created.id}`, { cookie: admin.cookie })).status).toBe(200);
    expect((await send("DELETE", `/api/wallboards/00000000-0000-4000-8000-000000000000`, { cookie: admin.cookie })).status).toBe(404);
    expect((await send("DELETE", `/api/wallboards/not-an-id`, { cookie: admin.cookie })).status).toBe(404);
  });

  it("opens at most WALLBOARD_MAX_SCREENS screens per link, takes one again once a screen closes, and counts each link apart", async () => {
    const created = await createWallboardOverHttp(server.baseUrl, admin.cookie, { name: "Leaked" });
    const cookie = wallboardCookie(created.url);
    const screens = [await connectAsWallboard(server.baseUrl, cookie), await connectAsWallboard(server.baseUrl, cookie)];
    const refused = await connectAsWallboard(server.baseUrl, cookie).then(() => null, (error: Error & { data?: unknown }) => error);
    expect(refused?.data).toEqual({ error: { code: "rate_limited", message: expect.stringMatching(/too many screens: .* open on 2 screens/) } });
    const other = await createWallboardOverHttp(server.baseUrl, admin.cookie, { name: "Another room" });
    (await connectAsWallboard(server.baseUrl, wallboardCookie(other.url))).close();
    screens[0]!.close();
    // The server counts the closed one down once it sees the close.
    await expect.poll(async () => connectAsWallboard(server.baseUrl, cookie).then((socket) => (socket.close(), true), () => false), { timeout: 5_000 }).toBe(true);
    screens[1]!.close();
  });

  it("changed to full numbers: its screens reconnect at once and get full numbers; only an admin, from Callboard's own pages, on a valid link", async () => {
    const created = await createWallboardOverHttp(server.baseUrl, admin.cookie, { name: "Changing" });
    const cookie = wallboardCookie(created.url);
    const screen = await connectAsWallboard(server.baseUrl, cookie);
    const disconnected = new Promise<string>((resolve) => screen.on("disconnect", resolve));
    const told = new Promise<void>((resolve) => screen.on("wallboard:changed", () => resolve()));
    const path = `/api/wallboards/${created.id}`;

    expect((await send("PATCH", path, { cookie: viewer.cookie }, { showFullNumbers: true })).status).toBe(403);
    expect((await send("PATCH", path, { cookie: admin.cookie, origin: "https://evil.example" }, { showFullNumbers: true })).status).toBe(403);
    const wrong = await send("PATCH", path, { cookie: admin.cookie }, { showFullNumbers: "yes" });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("showFullNumbers must be true or false");
    // People read it on the settings page: in their language.
    const dutch = await send("PATCH", path, { cookie: admin.cookie, "accept-language": "nl-NL" }, { showFullNumbers: "yes" });
    expect(dutch.status).toBe(422);
    expect(((await dutch.json()) as { error: { message: string } }).error.message).toMatch(/^Het verzoek klopt niet\. .*showFullNumbers/);
    const extra = await send("PATCH", path, { cookie: admin.cookie }, { showFullNumbers: true, lineNumber: "+31201234567" });
    expect(extra.status).toBe(422);
    expect(await extra.text()).toContain("make a new link");
    expect((await send("PATCH", "/api/wallboards/00000000-0000-4000-8000-000000000000", { cookie: admin.cookie }, { showFullNumbers: true })).status).toBe(404);
    expect((await listWallboards()).find((listed) => listed.id === created.id)?.isMasked).toBe(true);

    const changed = await send("PATCH", path, { cookie: admin.cookie }, { showFullNumbers: true });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { wallboard: WallboardView }).wallboard.isMasked).toBe(false);
    // Told first, so the screen loads the wall again with full numbers; then closed, in case it missed the word.
    await within(told, "wallboard:changed");
    expect(await within(disconnected, "disconnect")).toBe("io server disconnect");
    const again = await connectAsWallboard(server.baseUrl, cookie);
    const { line, customer } = uniqueNumbers();
    const received = new Promise<string | null>((resolve) => again.on("calls:updated", (calls) => calls.forEach((call) => call.lineNumber === line && resolve(call.customerNumber))));
    await startCall(line, customer);
    expect(await within(received, "update")).toBe(customer);
    again.close();

    expect((await send("DELETE", path, { cookie: admin.cookie })).status).toBe(200);
    const revoked = await send("PATCH", path, { cookie: admin.cookie }, { showFullNumbers: false });
    expect(revoked.status).toBe(409);
    expect(await revoked.text()).toContain("This link is revoked: it opens nothing");
    const dutchRevoked = await send("PATCH", path, { cookie: admin.cookie, "accept-language": "nl-NL" }, { showFullNumbers: false });
    expect(await dutchRevoked.json()).toEqual({ error: { code: "conflict", message: expect.stringMatching(/^Deze link is ingetrokken: /) } });
  });

  it("expired: refused with a message saying so, and an open screen is ended", async () => {
    const created = await createWallboardOverHttp(server.baseUrl, admin.cookie, { name: "Short-lived", expiresInDays: 1 });
    const cookie = wallboardCookie(created.url);
    const socket = await connectAsWallboard(server.baseUrl, cookie);
    const ended = new Promise<WallboardEnded>((resolve) => socket.on("wallboard:ended", resolve));
    await db.query(`UPDATE wallboards SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.id]);
    // The open connection is rechecked within SOCKET_REVALIDATE_SECONDS (1 s here).
    expect((await within(ended, "wallboard:ended")).reason).toBeDefined();
    for (const pathname of ["/wall", "/api/wall/figures", created.url.replace(server.baseUrl, "")]) {
      const response = await send("GET", pathname, { cookie });
      expect(response.status, pathname).toBe(403);
      expect(await response.text()).toMatch(/expired/);
    }
    await expect(connectAsWallboard(server.baseUrl, cookie)).rejects.toMatchObject({ data: { error: { details: { reason: "expired" } } } });
    expect((await listWallboards()).find((listed) => listed.id === created.id)?.state).toBe("expired");
  });

  it("refuses a made-up or truncated secret", async () => {
    const created = await createWallboardOverHttp(server.baseUrl, admin.cookie);
    const secret = wallboardSecret(created.url);
    for (const wrong of [secret.slice(0, -1), `${secret.slice(0, -1)}A`, "cb_wall_x", "<script>"]) {
      expect((await send("GET", `/wall?wallboard=${encodeURIComponent(wrong)}`)).status, wrong).toBe(403);
      expect((await send("GET", "/api/wall/board", { cookie: `callboard_wallboard=${encodeURIComponent(wrong)}` })).status, wrong).toBe(403);
    }
    // Without a session or a link, the wall asks to sign in.
    expect((await send("GET", "/wall")).status).toBe(303);
    expect((await send("GET", "/api/wall/board")).status).toBe(401);
  });
});
