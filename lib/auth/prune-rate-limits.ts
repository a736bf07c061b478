// Keeps Better Auth's shared rate-limit table (rate_limits) small: a row only matters for one window (a minute),
// and a client address that stops calling would otherwise leave its row behind for good.
import type { PrismaClient } from "@/lib/db/generated/client";

/** Deletes counters untouched for `olderThanMs` (default a day). Returns how many went. */
export async function pruneRateLimits(prisma: PrismaClient, olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
  const { count } = await prisma.rateLimit.deleteMany({ where: { lastRequest: { lt: BigInt(Date.now() - olderThanMs) } } });
  return count;
}
