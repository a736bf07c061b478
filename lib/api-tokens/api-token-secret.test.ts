import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiTokenDisplayPrefix, generateApiToken, hashApiToken, isApiTokenShaped } from "./api-token-secret";

describe("API token secrets", () => {
  it("are cb_live_ and 256 random bits, each one different", () => {
    const tokens = Array.from({ length: 200 }, generateApiToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) {
      expect(token).toMatch(/^cb_live_[A-Za-z0-9_-]{43}$/);
      expect(isApiTokenShaped(token)).toBe(true);
      expect(Buffer.from(token.slice("cb_live_".length), "base64url")).toHaveLength(32);
    }
  });

  it("are stored as their SHA-256 and shown again only by their first characters", () => {
    const token = generateApiToken();
    expect(hashApiToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(apiTokenDisplayPrefix(token)).toBe(token.slice(0, 14));
    expect(apiTokenDisplayPrefix(token)).toMatch(/^cb_live_.{6}$/);
  });

  it("refuses strings of the wrong shape before any lookup", () => {
    const token = generateApiToken();
    for (const bad of ["", "cb_live_", token.slice(0, -1), `${token}x`, token.replace("cb_live_", "cb_test_"), `${token.slice(0, -1)}=`, ` ${token}`]) {
      expect(isApiTokenShaped(bad), bad).toBe(false);
    }
  });
});
