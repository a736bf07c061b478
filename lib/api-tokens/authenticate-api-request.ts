// The handlers' line of defence for /api/v1 (proxy.ts is the first): a valid token, within its rate limit.
import type { PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import type { TokenBucketLimiter } from "@/lib/http/rate-limit";
import { recordApiTokenUse, verifyApiToken, type ApiTokenIdentity } from "./verify-api-token";

/** The read API's per-token limit (API_RATE_LIMIT_PER_MINUTE), one per process in the application context. */
export type ApiTokenLimit = { limiter: TokenBucketLimiter; perMinute: number };

/** 429 with Retry-After once this token has used up its allowance; other tokens are unaffected. */
export function assertApiRateLimit(token: ApiTokenIdentity, limit: ApiTokenLimit): void {
  const result = limit.limiter.take(token.id);
  if (!result.allowed) {
    throw new ApiError(
      "rate_limited",
      `This API token has made more than ${limit.perMinute} requests in a minute; retry in ${result.retryAfterSeconds} s.`,
      { headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
}

export async function authenticateApiRequest(request: Request, prisma: PrismaClient, limit: ApiTokenLimit): Promise<ApiTokenIdentity> {
  const token = await verifyApiToken(request.headers.get("authorization"), prisma);
  assertApiRateLimit(token, limit);
  await recordApiTokenUse(token, prisma);
  return token;
}
