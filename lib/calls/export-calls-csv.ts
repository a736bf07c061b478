// Streams the filtered calls as CSV, newest first, a page at a time so an export of any size stays in
// constant memory. The download starts once the first page is read (withFirstPageRead): a database that cannot
// answer is then a 503 in the one error shape, not a file broken off after its header row.
//
// Pages follow (created_at, id), as the read API does: when Callboard stored a call's first event, which nothing
// changes afterwards (its index is calls_created_at_id_idx).
// Ordering by the first event's own time would let ingestion move a call between pages (a late, earlier event
// moves it), so a call could be skipped or written twice. Each page is one short transaction with its own
// statement timeout: a slow client holds no connection between pages, and no export holds the database for long.
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { compileCallFilter, type CallFilter, type StatusFilter } from "@/lib/shared/calls/call-filter";
import { callFilterWhere } from "./call-filter-where";
import { callToView } from "./call-row";
import { CSV_COLUMNS, callToCsvRow, formatCsvRow } from "@/lib/shared/calls/calls-csv";
import { calendarDay } from "@/lib/shared/time/format-time";
import type { CallView } from "@/lib/shared/calls/call-view";

const PAGE_SIZE = 1_000;
/** The longest one page's query may take. */
const STATEMENT_TIMEOUT_MS = 15_000;

const STATUS_WHERE: Record<StatusFilter, Prisma.CallWhereInput> = {
  all: {},
  live: { status: "in-progress", unresolvedAt: null },
  ended: { status: "ended" },
  error: { status: "ended-with-error" },
};

type ExportOptions = { now?: number; pageSize?: number; statementTimeoutMs?: number };

export function exportCallsCsv(prisma: PrismaClient, filter: CallFilter, options: ExportOptions = {}): AsyncGenerator<string> {
  return callsCsv(exportedCallPages(prisma, filter, options));
}

/** The CSV text of pages of calls, its header row first. */
export async function* callsCsv(pages: AsyncIterable<CallView[]>): AsyncGenerator<string> {
  // A byte-order mark first: without it Excel reads the UTF-8 file in the machine's legacy code page (é as Ã©).
  yield `\uFEFF${formatCsvRow([...CSV_COLUMNS])}`;
  for await (const page of pages) {
    if (page.length > 0) yield page.map((call) => callToCsvRow(call)).join("");
  }
}

/**
 * The same pages, the first one read before this resolves: a failure to read it is thrown here, where the route can
 * still answer it, rather than after the download's headers are sent.
 */
export async function withFirstPageRead<Page>(pages: AsyncGenerator<Page>): Promise<AsyncGenerator<Page>> {
  const first = await pages.next();
  return (async function* rest(): AsyncGenerator<Page> {
    if (first.done) return;
    yield first.value;
    yield* pages;
  })();
}

/** The filtered calls a page at a time, for the CSV and the .xlsx export alike. */
export async function* exportedCallPages(prisma: PrismaClient, filter: CallFilter, options: ExportOptions = {}): AsyncGenerator<CallView[]> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const timeoutMs = options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
  const where = { ...STATUS_WHERE[filter.status], ...callFilterWhere(compileCallFilter(filter, env.DEFAULT_COUNTRY), options.now ?? Date.now()) };
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const page = await readPage(prisma, after ? { AND: [where, olderThan(after)] } : where, pageSize, timeoutMs);
    yield page.map(callToView);
    const last = page.at(-1);
    if (page.length < pageSize || !last) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

function olderThan(after: { createdAt: Date; id: string }): Prisma.CallWhereInput {
  return { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] };
}

async function readPage(prisma: PrismaClient, where: Prisma.CallWhereInput, take: number, timeoutMs: number) {
  return prisma.$transaction(async (tx) => {
    // set_config(…, true) is SET LOCAL with a bound parameter: it ends with this page's transaction.
    await tx.$queryRaw`SELECT set_config('statement_timeout', ${String(timeoutMs)}, true)`;
    return tx.call.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  });
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
export function exportFileName(filter: CallFilter & { words?: string }, timeZone: string, now = new Date(), extension = "csv"): string {
  const parts = ["callboard-calls", calendarDay(now, timeZone)];
  if (filter.line) parts.push(`line-${slug(filter.line)}`);
  if (filter.q.trim()) parts.push(`number-${slug(filter.q)}`);
  if (filter.words?.trim()) parts.push(`words-${slug(filter.words)}`);
  const status = STATUS_IN_NAME[filter.status];
  if (status) parts.push(status);
  if (filter.error) parts.push(`error-${slug(filter.error)}`);
  if (filter.range !== "all") parts.push(`last-${filter.range}`);
  return `${parts.filter((part) => !part.endsWith("-")).join("-")}.${extension}`;
}
