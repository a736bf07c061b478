// Streams the filtered calls as CSV, newest first, a page at a time so an export of any size stays in
// constant memory and the download starts at once.
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { compileCallFilter, type CallFilter, type StatusFilter } from "@/lib/shared/calls/call-filter";
import { callFilterWhere } from "./call-filter-where";
import { callToView } from "./call-row";
import { CSV_COLUMNS, callToCsvRow, formatCsvRow } from "@/lib/shared/calls/calls-csv";

const PAGE_SIZE = 1_000;

const STATUS_WHERE: Record<StatusFilter, Prisma.CallWhereInput> = {
  all: {},
  live: { status: "in-progress", unresolvedAt: null },
  ended: { status: "ended" },
  error: { status: "ended-with-error" },
};

export async function* exportCallsCsv(prisma: PrismaClient, filter: CallFilter, now = Date.now()): AsyncGenerator<string> {
  const where = { ...STATUS_WHERE[filter.status], ...callFilterWhere(compileCallFilter(filter, env.DEFAULT_COUNTRY), now) };
  yield formatCsvRow([...CSV_COLUMNS]);
  let cursor: string | undefined;
  for (;;) {
    const page = await prisma.call.findMany({
      where,
      orderBy: [{ firstEventAt: "desc" }, { id: "desc" }],
      take: PAGE_SIZE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (page.length > 0) yield page.map((call) => callToCsvRow(callToView(call))).join("");
    if (page.length < PAGE_SIZE) return;
    cursor = page.at(-1)?.id;
  }
}

/** A file name that says what is in it, e.g. callboard-calls-2026-11-27.csv */
export function exportFileName(now = new Date()): string {
  return `callboard-calls-${now.toISOString().slice(0, 10)}.csv`;
}
