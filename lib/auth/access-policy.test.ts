import { describe, expect, it } from "vitest";
import { isAdminPath, isApiTokenPath, isPublicPath, isWallPath, isWebhookPath, toSafeNextPath } from "./access-policy";
import { isSameOriginRequest } from "./same-origin";

describe("access policy", () => {
  it("opens only the webhook, sign-in, set-up, the health check and Better Auth", () => {
    for (const open of ["/api/webhooks/flireo", "/login", "/setup", "/api/health", "/api/auth/sign-in/email", "/api/auth/get-session"]) {
      expect(isPublicPath(open), open).toBe(true);
    }
    for (const closed of ["/", "/loginx", "/setup-admin", "/api/healthz", "/api/authx", "/api/webhooks/flireo-settings", "/api/webhooks/flireo/extra", "/api/calls/board", "/calls/1"]) {
      expect(isPublicPath(closed), closed).toBe(false);
    }
  });

  it("keeps admin prefixes for admins, but not Flireo's webhook itself", () => {
    for (const admin of ["/webhooks", "/webhooks/deliveries", "/settings", "/settings/users", "/api/webhooks/settings", "/api/webhooks/flireo/secret", "/api/flireo/key", "/api/users", "/api/users/1", "/settings/alerts", "/api/alerts/rules", "/api/alerts/destinations/1/test", "/settings/api-tokens", "/api/api-tokens"]) {
      expect(isAdminPath(admin), admin).toBe(true);
    }
    for (const viewer of ["/", "/api/webhooks/flireo", "/webhooksx", "/settingsx", "/api/usersx", "/api/alertsx", "/api/calls/export", "/calls/1"]) {
      expect(isAdminPath(viewer), viewer).toBe(false);
    }
    expect(isWebhookPath("/api/webhooks/flireo/")).toBe(true);
  });

  it("takes API tokens, not sessions, on the read API; its OpenAPI document is open; tokens are managed by admins", () => {
    for (const path of ["/api/v1", "/api/v1/calls", "/api/v1/calls/abc"]) {
      expect(isApiTokenPath(path), path).toBe(true);
      expect(isPublicPath(path), path).toBe(false);
    }
    for (const path of ["/api/v10", "/api/v1x/calls", "/api/calls/board", "/"]) expect(isApiTokenPath(path), path).toBe(false);
    expect(isPublicPath("/api/v1/openapi.json")).toBe(true);
    expect(isPublicPath("/api/v1/openapi.jsonx")).toBe(false);
    for (const admin of ["/api/api-tokens", "/api/api-tokens/1/revoke", "/settings/api-tokens"]) expect(isAdminPath(admin), admin).toBe(true);
    expect(isAdminPath("/api/api-tokensx")).toBe(false);
  });

  it("follows sign-in only to a path on this site", () => {
    expect(toSafeNextPath("/?q=06")).toBe("/?q=06");
    expect(toSafeNextPath("/settings/users")).toBe("/settings/users");
    expect(toSafeNextPath("/calls/a%2Fb?next=//x#top")).toBe("/calls/a%2Fb?next=//x#top");
    for (const hostile of ["//evil.example/", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "", null, undefined]) {
      expect(toSafeNextPath(hostile)).toBe("/");
    }
    // As they arrive once the query string is decoded: /%09/, /%0A/, /%5C, /%2F%2F, //, absolute URLs.
    for (const hostile of ["/\t/evil.example", "/\t\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\\/evil.example", "/\\evil.example", "///evil.example", "//evil.example", "/ /evil.example\u0000", "http://evil.example/", "/\u007f/evil.example"]) {
      expect(toSafeNextPath(hostile), JSON.stringify(hostile)).toBe("/");
    }
  });
});

describe("isSameOriginRequest", () => {
  const headers = (values: Record<string, string>) => new Headers({ host: "board.example:3000", ...values });

  it("accepts the page's own origin, either scheme, and clients that send neither header", () => {
    expect(isSameOriginRequest(headers({ origin: "http://board.example:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(headers({ origin: "https://board.example:3000" }))).toBe(true);
    expect(isSameOriginRequest(headers({}))).toBe(true);
  });

  it("refuses other sites, sibling subdomains and spoofed hosts", () => {
    expect(isSameOriginRequest(headers({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-site", origin: "http://board.example:3000" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "http://board.example:3001" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "null" }))).toBe(false);
  });
});

describe("wall paths", () => {
  it("are the wall and its API, not the wallboards' admin pages", () => {
    for (const wall of ["/wall", "/wall/", "/api/wall/board", "/api/wall/figures"]) expect(isWallPath(wall), wall).toBe(true);
    for (const other of ["/wallboards", "/api/wallboards", "/api/wallboards/1", "/settings/wallboards", "/api/walls", "/", "/api/calls/board"]) expect(isWallPath(other), other).toBe(false);
    for (const admin of ["/api/wallboards", "/api/wallboards/1", "/settings/wallboards"]) expect(isAdminPath(admin), admin).toBe(true);
  });
});
