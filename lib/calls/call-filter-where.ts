// The board's filters as a Prisma where clause: the database side of matchesCallFilter (call-filter.ts).
import type { Prisma } from "@/lib/db/generated/client";
import { rangeStart, type CompiledCallFilter } from "./call-filter";
import type { NumberPattern } from "./number-search";

function numberWhere(pattern: NumberPattern | null): Prisma.CallWhereInput {
  if (!pattern) return {};
  const condition = pattern.kind === "prefix" ? { startsWith: pattern.value } : { contains: pattern.value };
  return { OR: [{ customerNumber: condition }, { lineNumber: condition }] };
}

/** Number, line and time range (a call counts from its start, or its first event when the start is unknown). */
export function callFilterWhere({ filter, pattern }: CompiledCallFilter, now: number): Prisma.CallWhereInput {
  const since = rangeStart(filter.range, now);
  return {
    AND: [
      numberWhere(pattern),
      filter.line ? { lineNumber: filter.line } : {},
      since ? { OR: [{ startedAt: { gte: since } }, { startedAt: null, firstEventAt: { gte: since } }] } : {},
    ],
  };
}
