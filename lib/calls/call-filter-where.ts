// The board's filters as a Prisma where clause: the database side of matchesCallFilter (call-filter.ts).
// The read API (lib/public-api/list-calls.ts) builds its filters from the same pieces.
import type { Prisma } from "@/lib/db/generated/client";
import { rangeStart, UNKNOWN_ERROR, type CompiledCallFilter } from "@/lib/shared/calls/call-filter";
import type { NumberPattern } from "@/lib/shared/calls/number-search";

/** The customer's or the line's number matches the search (see number-search.ts); null matches every call. */
export function numberWhere(pattern: NumberPattern | null): Prisma.CallWhereInput {
  if (!pattern) return {};
  const condition = pattern.kind === "prefix" ? { startsWith: pattern.value } : { contains: pattern.value };
  return { OR: [{ customerNumber: condition }, { lineNumber: condition }] };
}

/** A call counts from its start, or its first event when the start is unknown: from inclusive, to exclusive. */
export function startedWithinWhere(from: Date | null, to: Date | null = null): Prisma.CallWhereInput {
  if (!from && !to) return {};
  const within = { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) };
  return { OR: [{ startedAt: within }, { startedAt: null, firstEventAt: within }] };
}

/** Calls that ended with this error text; "Unknown error" also stands for an error without text, as in the groups. */
export function errorTextWhere(error: string): Prisma.CallWhereInput {
  if (!error) return {};
  const text = error === UNKNOWN_ERROR ? { OR: [{ error: null }, { error }] } : { error };
  return { AND: [{ status: "ended-with-error" }, text] };
}

/** Number, line, error text and time range. */
export function callFilterWhere({ filter, pattern }: CompiledCallFilter, now: number): Prisma.CallWhereInput {
  return {
    AND: [numberWhere(pattern), filter.line ? { lineNumber: filter.line } : {}, errorTextWhere(filter.error), startedWithinWhere(rangeStart(filter.range, now))],
  };
}
