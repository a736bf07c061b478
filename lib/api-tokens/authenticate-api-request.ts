// The handlers' line of defence for /api/v1 (proxy.ts is the first): a valid token, within its rate limit.
import type { PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import type { SharedRateLimiter } from "@/lib/http/shared-rate-limit";
import { recordApiTokenUse, verifyApiToken, type ApiTokenIdentity } from "./verify-api-token";

/** 429 with Retry-After once this token has used up API_RATE_LIMIT_PER_MINUTE (on all instances together). */
export async function assertApiRateLimit(token: ApiTokenIdentity, limiter: SharedRateLimiter): Promise<void> {
  const result = await limiter.take(`api-token:${token.id}`);
  if (!result.allowed) {
    throw new ApiError(
      "rate_limited",
      `This API token has made more than ${limiter.perMinute} requests in a minute; retry in ${result.retryAfterSeconds} s.`,
      { headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
}

export async function authenticateApiRequest(request: Request, prisma: PrismaClient, limiter: SharedRateLimiter): Promise<ApiTokenIdentity> {
  const token = await verifyApiToken(request.headers.get("authorization"), prisma);
  await assertApiRateLimit(token, limiter);
  await recordApiTokenUse(token, prisma);
  return token;
}

/**
 * Counts a refused token against its sender's address, and refuses an address past API_TOKEN_FAILURES_PER_MINUTE
 * failures (on all instances together) before looking at its token at all: guessing tokens gets nowhere fast.
 */
export async function verifyApiTokenGuarded(
  authorization: string | null,
  clientAddress: string,
  deps: { prisma: PrismaClient; failures: SharedRateLimiter },
): Promise<ApiTokenIdentity> {
  const key = `api-token-failures:${clientAddress}`;
  const blocked = await deps.failures.check(key);
  if (!blocked.allowed) {
    throw new ApiError("rate_limited", `Too many refused API tokens from this address; retry in ${blocked.retryAfterSeconds} s.`, {
      headers: { "Retry-After": String(blocked.retryAfterSeconds) },
    });
  }
  try {
    return await verifyApiToken(authorization, deps.prisma);
  } catch (error) {
    // A request with no token at all is a mistake, not a guess.
    if (error instanceof ApiError && error.code === "unauthorized" && authorization?.trim()) await deps.failures.count(key);
    throw error;
  }
}
