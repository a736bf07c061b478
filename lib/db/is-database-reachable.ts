// A quick probe of the database, for telling "the database is down" from "this query is wrong" when an error
// (e.g. one wrapped by a library) does not say which.
import type { PrismaClient } from "./generated/client";

export async function isDatabaseReachable(prisma: PrismaClient, timeoutMs = 2_000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([prisma.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
