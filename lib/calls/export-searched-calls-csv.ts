// The calls page's CSV export: the calls its filters and words find, newest first, a page at a time (constant
// memory). The first page is read before the download starts, so a search that cannot run is answered with its
// 422 rather than a broken file.
import type { PrismaClient } from "@/lib/db/generated/client";
import type { CallsPageFilter } from "@/lib/shared/calls/call-search";
import type { CallView } from "@/lib/shared/calls/call-view";
import { CSV_COLUMNS, callToCsvRow, formatCsvRow } from "@/lib/shared/calls/calls-csv";
import { callToView } from "./call-row";
import { callsPageSearch } from "./load-calls-page";
import { searchCalls, type CallSearchPage } from "./search-calls";

const PAGE_SIZE = 1_000;

export async function exportSearchedCallsCsv(prisma: PrismaClient, filter: CallsPageFilter, now = Date.now()): Promise<AsyncGenerator<string>> {
  const pages = await searchedCallPages(prisma, filter, now);
  return (async function* rows(): AsyncGenerator<string> {
    // A byte-order mark first, as the board's export: Excel then reads the UTF-8 file as UTF-8.
    yield `\uFEFF${formatCsvRow([...CSV_COLUMNS])}`;
    for await (const page of pages) if (page.length > 0) yield page.map((call) => callToCsvRow(call)).join("");
  })();
}

/** The calls the search finds, a page at a time; the first page is read before this returns (a 422 comes first). */
export async function searchedCallPages(prisma: PrismaClient, filter: CallsPageFilter, now = Date.now()): Promise<AsyncGenerator<CallView[]>> {
  const search = callsPageSearch(filter, null, now, PAGE_SIZE);
  const first = await searchCalls(prisma, search);
  return (async function* pages(): AsyncGenerator<CallView[]> {
    let page: CallSearchPage = first;
    for (;;) {
      yield page.hits.map((hit) => callToView(hit.call));
      const last = page.hits.at(-1)?.call;
      if (!page.hasMore || !last) return;
      page = await searchCalls(prisma, { ...search, after: { createdAt: last.createdAt, id: last.id } });
    }
  })();
}
