// Which secrets sign Flireo's webhooks, and whether unsigned ones are accepted.
import { env } from "@/lib/env";

export type SignaturePolicy = { secrets: readonly string[]; isSignatureRequired: boolean };

export function getSignaturePolicy(): SignaturePolicy {
  const secrets = env.FLIREO_WEBHOOK_SECRET;
  return { secrets, isSignatureRequired: secrets.length > 0 };
}

/** Production refuses to run without a secret unless unsigned webhooks were accepted explicitly. */
export function assertSignaturePolicyIsSafe(): void {
  if (env.NODE_ENV === "production" && env.FLIREO_WEBHOOK_SECRET.length === 0 && !env.ALLOW_UNSIGNED_WEBHOOKS) {
    throw new Error(
      "FLIREO_WEBHOOK_SECRET is not set. In production Callboard only accepts signed webhooks: set " +
        "FLIREO_WEBHOOK_SECRET to the secret configured on your Flireo assistant, or set " +
        "ALLOW_UNSIGNED_WEBHOOKS=true to accept unsigned ones knowingly.",
    );
  }
}
