import { describe, expect, it } from "vitest";
import { isSameWebhookUrl, readRequestOrigin, resolveWebhookUrl } from "./webhook-url";

describe("resolveWebhookUrl", () => {
  it("prefers PUBLIC_BASE_URL and has nothing to warn about for a public https address", () => {
    expect(resolveWebhookUrl("http://localhost:3000", "https://calls.example.com/")).toEqual({
      url: "https://calls.example.com/api/webhooks/flireo",
      source: "PUBLIC_BASE_URL",
      warnings: [],
      problems: [],
    });
  });

  it("falls back to the request's origin and warns about localhost and plain http", () => {
    const result = resolveWebhookUrl("http://localhost:3000", undefined);
    expect(result).toMatchObject({ url: "http://localhost:3000/api/webhooks/flireo", source: "request" });
    expect(result.warnings).toEqual([expect.stringContaining("PUBLIC_BASE_URL"), expect.stringContaining("plain http")]);
    expect(resolveWebhookUrl("http://127.0.0.1:4000", undefined).warnings[0]).toContain("only reachable from this machine");
    expect(resolveWebhookUrl("http://[::1]:4000", undefined).warnings).toHaveLength(2);
    expect(resolveWebhookUrl("http://calls.example.com", undefined).warnings).toEqual([expect.stringContaining("plain http")]);
  });

  it("keeps a path prefix of PUBLIC_BASE_URL", () => {
    expect(resolveWebhookUrl(null, "https://example.com/callboard").url).toBe("https://example.com/callboard/api/webhooks/flireo");
  });
});

describe("readRequestOrigin", () => {
  it("uses what a proxy forwarded, else the Host header", () => {
    expect(readRequestOrigin(new Headers({ host: "internal:3000", "x-forwarded-host": "calls.example.com", "x-forwarded-proto": "https" }))).toBe("https://calls.example.com");
    expect(readRequestOrigin(new Headers({ host: "localhost:3000" }), "http://localhost:3000/webhooks")).toBe("http://localhost:3000");
    expect(readRequestOrigin(new Headers(), "http://127.0.0.1:9/x")).toBe("http://127.0.0.1:9");
  });
});

describe("isSameWebhookUrl", () => {
  it("ignores a trailing slash and host letter case, not the path or scheme", () => {
    expect(isSameWebhookUrl("https://Calls.example.com/api/webhooks/flireo/", "https://calls.example.com/api/webhooks/flireo")).toBe(true);
    expect(isSameWebhookUrl("http://calls.example.com/api/webhooks/flireo", "https://calls.example.com/api/webhooks/flireo")).toBe(false);
    expect(isSameWebhookUrl("https://calls.example.com/other", "https://calls.example.com/api/webhooks/flireo")).toBe(false);
    expect(isSameWebhookUrl(null, "https://calls.example.com/api/webhooks/flireo")).toBe(false);
    expect(isSameWebhookUrl("not a url", "https://calls.example.com/api/webhooks/flireo")).toBe(false);
  });
});
