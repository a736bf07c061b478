// Alert destinations cannot be used to reach internal addresses (SSRF): refused when saved (422 naming the field),
// and refused again on every send, on the address the connection would go to. A real Callboard (production build)
// with the default policy, one with ALERT_ALLOW_PRIVATE_DESTINATIONS=true, and real receivers.
import os from "node:os";
import ipaddr from "ipaddr.js";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertRuleView, TestAlertResult } from "@/lib/shared/alerts/alert-view";
import { startAlertReceiver, type AlertReceiver } from "@/lib/testing/alert-receivers";
import { createSecretBox } from "@/lib/secrets/secret-box";
import { startTestServer, TEST_ENCRYPTION_KEY, type TestServer } from "@/lib/testing/test-server";
import { describeRefusedAddress, findRefusedHost } from "./destination-address-policy";

const closed = { allowPrivate: false, allowLoopback: false };

describe("the address policy", () => {
  it("refuses loopback, link-local, private, CGNAT, unspecified, multicast and reserved addresses, IPv4 and IPv6", () => {
    const refused: [string, RegExp][] = [
      ["127.0.0.1", /^a loopback address/],
      ["127.1.2.3", /^a loopback address/],
      ["169.254.169.254", /^a link-local address/],
      ["10.1.2.3", /^a private network address/],
      ["172.16.5.4", /^a private network address/],
      ["192.168.0.10", /^a private network address/],
      ["100.64.0.1", /^a shared \(carrier-grade NAT\) address/],
      ["0.0.0.0", /^the unspecified address/],
      ["224.0.0.1", /^a multicast address/],
      ["255.255.255.255", /^the broadcast address/],
      ["192.0.2.1", /^a reserved address/],
      ["::1", /^a loopback address/],
      ["::", /^the unspecified address/],
      ["fe80::1", /^a link-local address/],
      ["fd00::2", /^a private \(unique local\) IPv6 address/],
      ["ff02::1", /^a multicast address/],
      ["::ffff:127.0.0.1", /^a loopback address/],
      ["::ffff:169.254.169.254", /^a link-local address/],
      ["::ffff:10.0.0.1", /^a private network address/],
      ["64:ff9b::7f00:1", /^a reserved address/],
    ];
    for (const [address, reason] of refused) expect(describeRefusedAddress(address, closed), address).toMatch(reason);
    for (const address of ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "::ffff:93.184.215.14"]) {
      expect(describeRefusedAddress(address, closed), address).toBeNull();
    }
  });

  it("opens private ranges with the private flag and loopback only with its own flag; link-local never", () => {
    const privateOpen = { allowPrivate: true, allowLoopback: false };
    for (const address of ["10.1.2.3", "172.16.5.4", "192.168.0.10", "100.64.0.1", "fd00::2", "::ffff:10.0.0.1"]) {
      expect(describeRefusedAddress(address, privateOpen), address).toBeNull();
    }
    for (const address of ["127.0.0.1", "::1", "169.254.169.254", "fe80::1", "0.0.0.0", "224.0.0.1"]) {
      expect(describeRefusedAddress(address, privateOpen), address).not.toBeNull();
    }
    const everythingOpen = { allowPrivate: true, allowLoopback: true };
    expect(describeRefusedAddress("127.0.0.1", everythingOpen)).toBeNull();
    expect(describeRefusedAddress("::ffff:127.0.0.1", everythingOpen)).toBeNull();
    for (const address of ["169.254.169.254", "fe80::1", "::ffff:169.254.169.254", "0.0.0.0", "224.0.0.1"]) {
      expect(describeRefusedAddress(address, everythingOpen), address).not.toBeNull();
    }
  });

  it("judges a host name by the addresses it resolves to", async () => {
    expect(await findRefusedHost("localhost", closed)).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(await findRefusedHost("[::ffff:7f00:1]", closed)).toMatch(/^::ffff:7f00:1 is a loopback address/);
    // A name that does not resolve is left to the send, which checks again.
    expect(await findRefusedHost("callboard-no-such-host.invalid", closed)).toBeNull();
  });
});

/** A private (RFC 1918, CGNAT or unique-local) address of this machine, for a receiver on "the office network". */
function findPrivateAddress(): string {
  const candidates = Object.values(os.networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined && !entry.internal)
    .map((entry) => entry?.address ?? "")
    .filter((address) => ["private", "uniqueLocal", "carrierGradeNat"].includes(ipaddr.process(address).range()));
  const [address] = candidates;
  if (!address) throw new Error("This test needs a private network address (10/8, 172.16/12, 192.168/16, 100.64/10 or fc00::/7) on this machine.");
  return address;
}

describe("alert destinations on a server with the default policy", () => {
  let server: TestServer;
  let db: pg.Client;
  let local: AlertReceiver;

  beforeAll(async () => {
    server = await startTestServer({ env: { LOG_LEVEL: "warn", ALERT_TIMEOUT_SECONDS: "3" } });
    db = new pg.Client({ connectionString: server.database.url });
    await db.connect();
    local = await startAlertReceiver();
  });

  afterAll(async () => {
    await local?.close();
    await db?.end();
    await server?.stop();
  });

  async function api(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { cookie: await server.adminCookie(), origin: server.baseUrl, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function createRule(destinations: unknown[]): Promise<Response> {
    return api("POST", "/api/alerts/rules", { name: "SSRF", kind: "each-error", cooldownMinutes: 0, destinations });
  }

  it("refuses internal addresses with a 422 that names the destination's URL", async () => {
    const port = new URL(local.url).port;
    const internal: [string, RegExp][] = [
      [`http://127.0.0.1:${port}/hook`, /127\.0\.0\.1 is a loopback address/],
      ["http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254 is a link-local address/],
      ["http://10.0.0.5/hook", /10\.0\.0\.5 is a private network address .*ALERT_ALLOW_PRIVATE_DESTINATIONS=true/],
      ["http://100.64.1.1/hook", /100\.64\.1\.1 is a shared \(carrier-grade NAT\) address/],
      [`http://[::1]:${port}/hook`, /::1 is a loopback address/],
      [`http://[::ffff:127.0.0.1]:${port}/hook`, /::ffff:7f00:1 is a loopback address/],
      [`http://0.0.0.0:${port}/hook`, /0\.0\.0\.0 is the unspecified address/],
      ["http://224.0.0.1/hook", /224\.0\.0\.1 is a multicast address/],
      [`http://localhost:${port}/hook`, /localhost resolves to (127\.0\.0\.1|::1), a loopback address/],
      [`http://2130706433:${port}/hook`, /127\.0\.0\.1 is a loopback address/],
      ["http://[fe80::1]/hook", /fe80::1 is a link-local address/],
    ];
    for (const [url, reason] of internal) {
      const response = await createRule([{ kind: "email", to: ["oncall@example.test"] }, { kind: "webhook", url }]);
      expect(response.status, url).toBe(422);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("unprocessable");
      expect(error.message, url).toMatch(/^Destination 2: the URL must not point where alerts may not go: /);
      expect(error.message, url).toMatch(reason);
    }
    expect(local.requests).toHaveLength(0);
  });

  it("takes Slack destinations only on https://hooks.slack.com", async () => {
    for (const url of ["https://hooks.slack.example/services/T/B/X", "http://hooks.slack.com/services/T/B/X", "https://hooks.slack.com.evil.example/services/T/B/X"]) {
      const response = await createRule([{ kind: "slack", url }]);
      expect(response.status, url).toBe(422);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        "Destination 1: the URL must be a Slack incoming-webhook URL, https://hooks.slack.com/….",
      );
    }
    const slack = await createRule([{ kind: "slack", url: "https://hooks.slack.com/services/T000/B000/XXXX" }]);
    expect(slack.status).toBe(201);
  });

  it("refuses the same when a destination is added or its URL changed", async () => {
    const created = await createRule([{ kind: "webhook", url: "https://alerts.example.test/hook" }]);
    expect(created.status).toBe(201);
    const rule = ((await created.json()) as { rule: AlertRuleView }).rule;
    const added = await api("POST", `/api/alerts/rules/${rule.id}/destinations`, { kind: "webhook", url: "http://169.254.169.254/" });
    expect(added.status).toBe(422);
    expect(((await added.json()) as { error: { message: string } }).error.message).toMatch(/^The URL must not point where alerts may not go: 169\.254\.169\.254 is a link-local/);
    const changed = await api("PATCH", `/api/alerts/destinations/${rule.destinations[0]?.id}`, { url: "http://[::ffff:127.0.0.1]:5432/" });
    expect(changed.status).toBe(422);
    expect(((await changed.json()) as { error: { message: string } }).error.message).toMatch(/^The URL must not point where alerts may not go: ::ffff:7f00:1 is a loopback/);
  });

  it("refuses again when sending, on the address connected to: a stored internal URL, or a name that now resolves to one", async () => {
    const created = await createRule([{ kind: "webhook", url: "https://alerts.example.test/hook" }]);
    const rule = ((await created.json()) as { rule: AlertRuleView }).rule;
    const destinationId = rule.destinations[0]?.id ?? "";
    const port = new URL(local.url).port;
    // As a URL saved before these checks, or a name whose DNS answer changed after it was saved (rebinding).
    for (const [url, reason] of [
      [`http://127.0.0.1:${port}/hook`, "Refused: 127.0.0.1 is a loopback address (this machine); alerts may not go there."],
      [`http://localhost:${port}/hook`, /^Refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address \(this machine\); alerts may not go there\.$/],
      [`http://[::ffff:127.0.0.1]:${port}/hook`, "Refused: ::ffff:7f00:1 is a loopback address (this machine); alerts may not go there."],
      ["http://169.254.169.254/latest/meta-data/", "Refused: 169.254.169.254 is a link-local address (such as a cloud metadata service); alerts may not go there."],
    ] as const) {
      // Stored as Callboard stores URLs: encrypted with the server's key.
      await db.query("UPDATE alert_destinations SET url = $1 WHERE id = $2", [createSecretBox([TEST_ENCRYPTION_KEY]).seal(url, "alert_destinations.url"), destinationId]);
      const result = (await (await api("POST", `/api/alerts/destinations/${destinationId}/test`)).json()) as TestAlertResult;
      expect(result, url).toMatchObject({ state: "failed", status: null });
      if (typeof reason === "string") expect(result.error).toBe(reason);
      else expect(result.error).toMatch(reason);
    }
    expect(local.requests).toHaveLength(0);
  });
});

describe("alert destinations with ALERT_ALLOW_PRIVATE_DESTINATIONS=true", () => {
  it("reach a receiver on a private address, while loopback and link-local stay refused", async () => {
    const privateAddress = findPrivateAddress();
    const receiver = await startAlertReceiver({ host: privateAddress });
    const server = await startTestServer({ env: { LOG_LEVEL: "warn", ALERT_ALLOW_PRIVATE_DESTINATIONS: "true" } });
    try {
      const api = async (path: string, body?: unknown) =>
        fetch(`${server.baseUrl}${path}`, {
          method: "POST",
          headers: { cookie: await server.adminCookie(), origin: server.baseUrl, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const created = await api("/api/alerts/rules", { name: "On-premises", kind: "each-error", cooldownMinutes: 0, destinations: [{ kind: "webhook", url: receiver.url }] });
      expect(created.status, await created.clone().text()).toBe(201);
      const rule = ((await created.json()) as { rule: AlertRuleView }).rule;
      const result = (await (await api(`/api/alerts/destinations/${rule.destinations[0]?.id}/test`)).json()) as TestAlertResult;
      expect(result).toMatchObject({ state: "sent", status: 200 });
      expect(receiver.requests).toHaveLength(1);

      for (const url of ["http://127.0.0.1/hook", "http://169.254.169.254/", "http://[fe80::1]/"]) {
        const refused = await api("/api/alerts/rules", { name: "x", kind: "each-error", destinations: [{ kind: "webhook", url }] });
        expect(refused.status, url).toBe(422);
      }
    } finally {
      await server.stop();
      await receiver.close();
    }
  });
});
