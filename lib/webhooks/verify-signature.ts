// Flireo's webhook signature: hex HMAC-SHA256(secret, `${X-Webhook-Timestamp}.${raw body}`), sent as
// `sha256=<hex>` or bare hex, with the timestamp in Unix seconds (../shared/flireo/webhooks.md §2).
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck = { isValid: true } | { isValid: false; reason: string };

export function computeSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex");
}

export function signatureHeaders(secret: string, rawBody: Buffer | string, nowSeconds = Math.floor(Date.now() / 1000)) {
  const timestamp = String(nowSeconds);
  return {
    "x-webhook-timestamp": timestamp,
    "x-webhook-signature": `sha256=${computeSignature(secret, timestamp, rawBody)}`,
  };
}

export function verifySignature(input: {
  secrets: readonly string[];
  rawBody: Buffer;
  signatureHeader: string | null;
  timestampHeader: string | null;
  nowSeconds?: number;
}): SignatureCheck {
  const { signatureHeader, timestampHeader } = input;
  if (!signatureHeader) return { isValid: false, reason: "The X-Webhook-Signature header is missing." };
  if (!timestampHeader) return { isValid: false, reason: "The X-Webhook-Timestamp header is missing." };
  if (!/^\d{1,12}$/.test(timestampHeader.trim())) {
    return { isValid: false, reason: "X-Webhook-Timestamp must be a Unix time in seconds." };
  }
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  const skew = Math.abs(now - Number(timestampHeader.trim()));
  if (skew > SIGNATURE_TOLERANCE_SECONDS) {
    return {
      isValid: false,
      reason: `X-Webhook-Timestamp is ${skew} s away from the server's clock (at most ${SIGNATURE_TOLERANCE_SECONDS} s allowed).`,
    };
  }
  const received = signatureHeader.trim().replace(/^sha256=/i, "").toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(received)) {
    return { isValid: false, reason: "X-Webhook-Signature must be sha256=<64 hex digits>." };
  }
  const receivedBytes = Buffer.from(received, "hex");
  const matches = input.secrets.some((secret) => {
    const expected = Buffer.from(computeSignature(secret, timestampHeader.trim(), input.rawBody), "hex");
    return timingSafeEqual(expected, receivedBytes);
  });
  return matches
    ? { isValid: true }
    : { isValid: false, reason: "X-Webhook-Signature does not match the body signed with the configured secret." };
}
