// The board's filters as SQL conditions for the figures (load-board-stats.ts), which are raw SQL: the same meaning
// as call-filter-where.ts gives them for the lists, so the tiles, the chart and the error groups count what the
// lists show.
import { Prisma } from "@/lib/db/generated/client";
import { rangeStart, UNKNOWN_ERROR, type CompiledCallFilter } from "@/lib/shared/calls/call-filter";

const STATUS_SQL = {
  all: null,
  live: Prisma.sql`status = 'in-progress' AND unresolved_at IS NULL`,
  ended: Prisma.sql`status = 'ended'`,
  error: Prisma.sql`status = 'ended-with-error'`,
} as const;

function numberSql(column: Prisma.Sql, pattern: NonNullable<CompiledCallFilter["pattern"]>): Prisma.Sql {
  return pattern.kind === "prefix" ? Prisma.sql`starts_with(${column}, ${pattern.value})` : Prisma.sql`strpos(${column}, ${pattern.value}) > 0`;
}

/** `AND …` for every filter that is set (empty for none), to append to a WHERE clause over `calls`. */
export function statsFilterSql({ filter, pattern }: CompiledCallFilter, now: number): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (pattern) conditions.push(Prisma.sql`(${numberSql(Prisma.raw("customer_number"), pattern)} OR ${numberSql(Prisma.raw("line_number"), pattern)})`);
  if (filter.line) conditions.push(Prisma.sql`line_number = ${filter.line}`);
  const status = STATUS_SQL[filter.status];
  if (status) conditions.push(status);
  if (filter.error) {
    conditions.push(Prisma.sql`status = 'ended-with-error'`);
    conditions.push(filter.error === UNKNOWN_ERROR ? Prisma.sql`COALESCE(error, ${UNKNOWN_ERROR}) = ${filter.error}` : Prisma.sql`error = ${filter.error}`);
  }
  const since = rangeStart(filter.range, now);
  if (since) conditions.push(Prisma.sql`COALESCE(started_at, first_event_at) >= ${since}`);
  return conditions.length === 0 ? Prisma.empty : Prisma.sql`AND ${Prisma.join(conditions, " AND ")}`;
}
