// A time typed into a form (an <input type="datetime-local"> value, "2026-12-07T10:00") read in the reader's time
// zone. Postgres converts it with its own time-zone rules, daylight saving included: JavaScript's Date reads a
// wall-clock time only in the server's zone, and no library here converts one from another zone.
import type { PrismaClient } from "@/lib/db/generated/client";

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Whether the value names a real day and time ("2026-02-30T10:00" does not). */
function isRealWallClock(value: string): boolean {
  const parts = WALL_CLOCK.exec(value)?.slice(1).map((part) => Number(part ?? 0));
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts as [number, number, number, number, number, number];
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}

/** The instant the wall-clock time names in the zone (an IANA name), or undefined when the value is not such a time. */
export async function wallClockToInstant(prisma: PrismaClient, value: string, timeZone: string): Promise<Date | undefined> {
  if (!isRealWallClock(value)) return undefined;
  const [row] = await prisma.$queryRaw<{ at: Date }[]>`SELECT (${value}::timestamp AT TIME ZONE ${timeZone}) AS at`;
  return row?.at;
}
