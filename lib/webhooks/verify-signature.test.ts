import { describe, expect, it } from "vitest";
import { computeSignature, signatureHeaders, verifySignature } from "./verify-signature";

const body = Buffer.from('{"a":1}');
const VECTOR = "1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940";

describe("computeSignature", () => {
  it("reproduces the documented test vector", () => {
    expect(computeSignature("s3cret", "1700000000", body)).toBe(VECTOR);
  });
});

describe("verifySignature", () => {
  const base = { secrets: ["s3cret"], rawBody: body, timestampHeader: "1700000000", nowSeconds: 1700000000 };

  it("accepts sha256=<hex> and bare hex", () => {
    expect(verifySignature({ ...base, signatureHeader: `sha256=${VECTOR}` })).toEqual({ isValid: true });
    expect(verifySignature({ ...base, signatureHeader: VECTOR })).toEqual({ isValid: true });
    expect(verifySignature({ ...base, signatureHeader: `SHA256=${VECTOR.toUpperCase()}` })).toEqual({ isValid: true });
  });

  it("accepts any of several secrets, for rotation", () => {
    expect(verifySignature({ ...base, secrets: ["old", "s3cret"], signatureHeader: VECTOR }).isValid).toBe(true);
  });

  it("rejects a wrong secret, a changed body and a malformed header, saying why", () => {
    const wrongSecret = verifySignature({ ...base, secrets: ["other"], signatureHeader: VECTOR });
    expect(wrongSecret).toMatchObject({ isValid: false, reason: expect.stringContaining("does not match") });
    expect(verifySignature({ ...base, rawBody: Buffer.from('{"a":2}'), signatureHeader: VECTOR }).isValid).toBe(false);
    expect(verifySignature({ ...base, signatureHeader: "sha256=abc" })).toMatchObject({
      isValid: false,
      reason: expect.stringContaining("64 hex"),
    });
  });

  it("rejects missing headers", () => {
    expect(verifySignature({ ...base, signatureHeader: null })).toMatchObject({ reason: expect.stringContaining("X-Webhook-Signature") });
    expect(verifySignature({ ...base, signatureHeader: VECTOR, timestampHeader: null })).toMatchObject({
      reason: expect.stringContaining("X-Webhook-Timestamp"),
    });
  });

  it("allows 300 s of clock skew either way and no more", () => {
    const at = (nowSeconds: number) => verifySignature({ ...base, nowSeconds, signatureHeader: VECTOR }).isValid;
    expect(at(1700000300)).toBe(true);
    expect(at(1699999700)).toBe(true);
    expect(at(1700000301)).toBe(false);
    expect(at(1699999699)).toBe(false);
  });

  it("round-trips with signatureHeaders", () => {
    const headers = signatureHeaders("k", body, 1700000000);
    expect(
      verifySignature({
        secrets: ["k"],
        rawBody: body,
        signatureHeader: headers["x-webhook-signature"],
        timestampHeader: headers["x-webhook-timestamp"],
        nowSeconds: 1700000010,
      }).isValid,
    ).toBe(true);
  });
});
