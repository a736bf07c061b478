// The handlers' line of defence for /api/v1 (proxy.ts is the first): a valid token, within its rate limit.
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { createTokenBucketLimiter, type TokenBucketLimiter } from "@/lib/webhooks/rate-limit";
import { recordApiTokenUse, verifyApiToken, type ApiTokenIdentity } from "./verify-api-token";

const LIMITER_KEY = Symbol.for("callboard.api-token-rate-limit");
type LimiterHolder = { [LIMITER_KEY]?: TokenBucketLimiter };
const holder = globalThis as LimiterHolder;

/** 429 with Retry-After once this token has used up its API_RATE_LIMIT_PER_MINUTE; other tokens are unaffected. */
export function assertApiRateLimit(token: ApiTokenIdentity): void {
  holder[LIMITER_KEY] ??= createTokenBucketLimiter(env.API_RATE_LIMIT_PER_MINUTE);
  const result = holder[LIMITER_KEY].take(token.id);
  if (!result.allowed) {
    throw new ApiError(
      "rate_limited",
      `This API token has made more than ${env.API_RATE_LIMIT_PER_MINUTE} requests in a minute; retry in ${result.retryAfterSeconds} s.`,
      { headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
}

export async function authenticateApiRequest(request: Request): Promise<ApiTokenIdentity> {
  const token = await verifyApiToken(request.headers.get("authorization"));
  assertApiRateLimit(token);
  await recordApiTokenUse(token);
  return token;
}
