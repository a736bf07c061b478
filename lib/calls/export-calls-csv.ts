// Streams the filtered calls as CSV, newest first, a page at a time so an export of any size stays in
// constant memory and the download starts at once.
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { compileCallFilter, type CallFilter, type StatusFilter } from "@/lib/shared/calls/call-filter";
import { callFilterWhere } from "./call-filter-where";
import { callToView } from "./call-row";
import { CSV_COLUMNS, callToCsvRow, formatCsvRow } from "@/lib/shared/calls/calls-csv";
import { calendarDay } from "@/lib/shared/time/format-time";

const PAGE_SIZE = 1_000;

const STATUS_WHERE: Record<StatusFilter, Prisma.CallWhereInput> = {
  all: {},
  live: { status: "in-progress", unresolvedAt: null },
  ended: { status: "ended" },
  error: { status: "ended-with-error" },
};

export async function* exportCallsCsv(prisma: PrismaClient, filter: CallFilter, now = Date.now()): AsyncGenerator<string> {
  const where = { ...STATUS_WHERE[filter.status], ...callFilterWhere(compileCallFilter(filter, env.DEFAULT_COUNTRY), now) };
  // A byte-order mark first: without it Excel reads the UTF-8 file in the machine's legacy code page (é as Ã©).
  yield `\uFEFF${formatCsvRow([...CSV_COLUMNS])}`;
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

const STATUS_IN_NAME: Record<StatusFilter, string | null> = { all: null, live: "in-progress", ended: "ended", error: "errors" };

/** Letters, digits and dashes only, so the name is safe in any file system and in Content-Disposition. */
function slug(text: string, max = 40): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/**
 * A file name that says what is in it: the day in the reader's zone, then each filter that made it, e.g.
 * callboard-calls-2026-11-27-line-31201234567-errors-last-1h.csv
 */
export function exportFileName(filter: CallFilter, timeZone: string, now = new Date(), extension = "csv"): string {
  const parts = ["callboard-calls", calendarDay(now, timeZone)];
  if (filter.line) parts.push(`line-${slug(filter.line)}`);
  if (filter.q.trim()) parts.push(`number-${slug(filter.q)}`);
  const status = STATUS_IN_NAME[filter.status];
  if (status) parts.push(status);
  if (filter.error) parts.push(`error-${slug(filter.error)}`);
  if (filter.range !== "all") parts.push(`last-${filter.range}`);
  return `${parts.filter((part) => !part.endsWith("-")).join("-")}.${extension}`;
}
