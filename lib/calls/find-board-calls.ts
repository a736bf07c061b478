// What the board shows on load: the calls in progress and the recent errors, narrowed by a number search.
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { callToView } from "./call-row";
import type { CallView } from "./call-view";
import type { NumberPattern } from "./number-search";

export const LIVE_CALLS_LIMIT = 5_000;
export const RECENT_ERRORS_LIMIT = 100;

function numberWhere(pattern: NumberPattern | null): Prisma.CallWhereInput {
  if (!pattern) return {};
  const condition =
    pattern.kind === "prefix" ? { startsWith: pattern.value } : { contains: pattern.value };
  return { OR: [{ customerNumber: condition }, { lineNumber: condition }] };
}

export async function findLiveCalls(prisma: PrismaClient, pattern: NumberPattern | null): Promise<CallView[]> {
  const calls = await prisma.call.findMany({
    where: { status: "in-progress", unresolvedAt: null, ...numberWhere(pattern) },
    orderBy: [{ startedAt: { sort: "desc", nulls: "last" } }, { firstEventAt: "desc" }],
    take: LIVE_CALLS_LIMIT,
  });
  return calls.map(callToView);
}

export async function findRecentErrors(prisma: PrismaClient, pattern: NumberPattern | null): Promise<CallView[]> {
  const calls = await prisma.call.findMany({
    where: { status: "ended-with-error", ...numberWhere(pattern) },
    orderBy: [{ endedAt: { sort: "desc", nulls: "last" } }],
    take: RECENT_ERRORS_LIMIT,
  });
  return calls.map(callToView);
}
