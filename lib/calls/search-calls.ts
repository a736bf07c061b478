// Every stored call, newest first, one keyset page at a time: filtered as on the board and, when words are given,
// searched by what was said (call_search, kept by a trigger on calls: see its migration,
// 20261207175000_call_search_table). Serves the calls page, its export and the read API alike.
//
// The page key is (created_at, id), as in the read API: created_at is set once and never changes, so paging
// while calls keep arriving neither skips nor repeats a call.
import { Prisma, type Call, type PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { MARK_END, MARK_START, SEARCH_MAX_CHARS } from "@/lib/shared/calls/call-search";
import type { NumberPattern } from "@/lib/shared/calls/number-search";

export type SearchStatus = "in-progress" | "unresolved" | "ended" | "ended-with-error";

export type CallSearch = {
  /** Checked by searchWords; null searches no words. */
  words: string | null;
  number: NumberPattern | null;
  line: string | null;
  statuses: readonly SearchStatus[] | null;
  /** A call counts from its start, or its first event when the start is unknown: from inclusive, to exclusive. */
  from: Date | null;
  to: Date | null;
  after: { createdAt: Date; id: string } | null;
  limit: number;
};

export type CallSearchHit = { call: Call; passage: string | null };
export type CallSearchPage = { hits: CallSearchHit[]; hasMore: boolean };

// Control characters (NUL above all, which Postgres text cannot hold) become spaces: they separate nothing else.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The words as Postgres will read them, or null for none; over SEARCH_MAX_CHARS is a 422 that says so. */
export function searchWords(raw: string | null | undefined): string | null {
  const words = (raw ?? "").replace(CONTROL, " ").trim();
  if (!words) return null;
  if (words.length > SEARCH_MAX_CHARS) {
    throw new ApiError("unprocessable", `The search is ${words.length} characters long; use at most ${SEARCH_MAX_CHARS}: a few words that were said.`);
  }
  return words;
}

/**
 * The search as English or as Dutch. A language in which nothing but exclusions is left (its stop words took the
 * rest: "mijn -x" in Dutch) is dropped, else it would match every call without the excluded words. All of it is
 * constant, so Postgres folds it before planning and plans with the real query.
 */
function bothLanguages(words: string): Prisma.Sql {
  const english = Prisma.sql`websearch_to_tsquery('english', ${words}::text)`;
  const dutch = Prisma.sql`websearch_to_tsquery('dutch', ${words}::text)`;
  return Prisma.sql`(CASE
    WHEN querytree(${english}) = 'T' AND querytree(${dutch}) <> 'T' THEN ${dutch}
    WHEN querytree(${dutch}) = 'T' AND querytree(${english}) <> 'T' THEN ${english}
    ELSE ${english} || ${dutch} END)`;
}

/** The words and phrases a search excludes (`-word`, `-"a phrase"`), as websearch_to_tsquery reads them. */
export function excludedWords(words: string): string[] {
  return [...words.matchAll(/(?:^|\s)-("[^"]*"?|[^\s"]+)/g)].map((match) => match[1] ?? "").filter((term) => term.replaceAll('"', "").trim());
}

/**
 * Both languages' stemming: a call matches when the words match as English or as Dutch. An excluded word must be
 * absent in both: on its own, the OR would let a call through on the language whose stem of the word it lacks.
 */
function matchesWords(words: string, vector: Prisma.Sql): Prisma.Sql {
  const excluded = excludedWords(words);
  const exclusion = excluded.length > 0 ? Prisma.sql` AND NOT ${vector} @@ ${bothLanguages(excluded.join(" OR "))}` : Prisma.empty;
  return Prisma.sql`(${vector} @@ ${bothLanguages(words)}${exclusion})`;
}

const STATUS_SQL: Record<SearchStatus, Prisma.Sql> = {
  "in-progress": Prisma.sql`(c.status = 'in-progress' AND c.unresolved_at IS NULL)`,
  unresolved: Prisma.sql`(c.status = 'in-progress' AND c.unresolved_at IS NOT NULL)`,
  ended: Prisma.sql`c.status = 'ended'`,
  "ended-with-error": Prisma.sql`c.status = 'ended-with-error'`,
};

/** The call's status as call_search keeps it: in progress or not, whether or not the sweeper gave up on it. */
const STORED_STATUS: Record<SearchStatus, string> = { "in-progress": "in-progress", unresolved: "in-progress", ended: "ended", "ended-with-error": "ended-with-error" };

/** The number patterns hold digits and a leading + only (number-search.ts): nothing LIKE would read as a wildcard. */
function numberCondition(pattern: NumberPattern): Prisma.Sql {
  const like = pattern.kind === "prefix" ? `${pattern.value}%` : `%${pattern.value}%`;
  return Prisma.sql`(c.customer_number LIKE ${like} OR c.line_number LIKE ${like})`;
}

/**
 * Rows after the cursor in (created_at DESC, id DESC) order; the `<=` bound lets Postgres start the index scan there.
 * A call's search row has the call's created_at, so the same cursor pages calls and search rows alike.
 */
function afterCondition({ createdAt, id }: { createdAt: Date; id: string }, table: "c" | "s"): Prisma.Sql {
  const [created, key] = table === "c" ? [Prisma.sql`c.created_at`, Prisma.sql`c.id`] : [Prisma.sql`s.created_at`, Prisma.sql`s.call_id`];
  return Prisma.sql`${created} <= ${createdAt}::timestamptz AND (${created} < ${createdAt}::timestamptz OR ${key} < ${id})`;
}

/**
 * The filters (number, line, status, time), not the words nor the cursor, split between the search row (s) and
 * the call (c). With `onSearchRow`, the line and status are asked of the search row, whose GIN index holds them;
 * what it cannot answer (the number, the time, whether an in-progress call was given up on) is left to the call.
 */
function filterConditions(search: CallSearch, onSearchRow: boolean): { search: Prisma.Sql[]; call: Prisma.Sql[] } {
  const where = { search: [] as Prisma.Sql[], call: [] as Prisma.Sql[] };
  if (search.number) where.call.push(numberCondition(search.number));
  if (search.line) (onSearchRow ? where.search : where.call).push(Prisma.sql`${onSearchRow ? Prisma.sql`s` : Prisma.sql`c`}.line_number = ${search.line}`);
  if (search.statuses?.length) {
    const isExactOnSearchRow = search.statuses.every((status) => status === "ended" || status === "ended-with-error");
    if (onSearchRow) where.search.push(Prisma.sql`s.status IN (${Prisma.join([...new Set(search.statuses.map((status) => STORED_STATUS[status]))])})`);
    if (!onSearchRow || !isExactOnSearchRow) where.call.push(Prisma.sql`(${Prisma.join(search.statuses.map((status) => STATUS_SQL[status]), " OR ")})`);
  }
  // The expression of calls_started_or_first_event_idx, so a time range uses it.
  if (search.from) where.call.push(Prisma.sql`COALESCE(c.started_at, c.first_event_at) >= ${search.from}::timestamptz`);
  if (search.to) where.call.push(Prisma.sql`COALESCE(c.started_at, c.first_event_at) < ${search.to}::timestamptz`);
  return where;
}

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The matching passage, cut only from the page's calls, as English and as Dutch: the one with more words marked
 * wins (a Dutch call searched in Dutch marks its Dutch stems). The marker characters are taken out of the text
 * first, so only Postgres's marks remain. (OFFSET 0 keeps each passage cut once, not once per mention.)
 */
function passageSql(words: string): Prisma.Sql {
  const doc = Prisma.sql`translate(callboard_search_text(c.summary, c.transcript, c.error, c.end_reason), ${MARK_START + MARK_END}, '')`;
  const english = Prisma.sql`ts_headline('english', ${doc}, websearch_to_tsquery('english', ${words}::text), ${HEADLINE_OPTIONS})`;
  const dutch = Prisma.sql`ts_headline('dutch', ${doc}, websearch_to_tsquery('dutch', ${words}::text), ${HEADLINE_OPTIONS})`;
  const marks = (column: Prisma.Sql) => Prisma.sql`(length(${column}) - length(replace(${column}, ${MARK_START}, '')))`;
  return Prisma.sql`(SELECT CASE WHEN ${marks(Prisma.sql`h.nl`)} > ${marks(Prisma.sql`h.en`)} THEN h.nl ELSE h.en END FROM (SELECT ${english} AS en, ${dutch} AS nl OFFSET 0) h)`;
}

/** How many of the newest searchable calls a search looks through before it asks the GIN index for every match. */
const RECENT_CALLS = 5_000;

const whereOf = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

/**
 * The page's calls (id, created_at), one more than the limit. A search's words are matched on call_search, joined
 * to the calls only when a filter needs them, from the newest RECENT_CALLS search rows (after the cursor) or from
 * all of them. Postgres cannot choose between walking the rows newest first and asking the GIN index: it estimates
 * a search's matches as if words, lines and statuses were independent, but they are not (words said together come
 * together; a line hears its own questions), and either guess, wrong, costs seconds at a million calls: walking the
 * whole table for a combination that is rare, or fetching and sorting tens of thousands of rows for words that are
 * common. So a search looks through the newest rows first (a few milliseconds, enough for common words), and only
 * when they hold less than a page asks the index, sorting its matches (the ORDER BY expression keeps Postgres from
 * walking).
 */
function searchedPageSql(search: CallSearch & { words: string }, from: "recent" | "all"): Prisma.Sql {
  const limit = search.limit + 1;
  const filters = filterConditions(search, true);
  const joinCalls = filters.call.length > 0 ? Prisma.sql`JOIN calls c ON c.id = s.call_id` : Prisma.empty;
  const cursor = search.after ? [afterCondition(search.after, "s")] : [];
  const matching = [...filters.search, matchesWords(search.words, Prisma.sql`s.search_vector`), ...filters.call];
  return from === "recent"
    ? Prisma.sql`
      SELECT s.call_id AS id, s.created_at FROM (
        SELECT s.call_id, s.created_at, s.status, s.line_number, s.search_vector
        FROM call_search s ${whereOf(cursor)} ORDER BY s.created_at DESC, s.call_id DESC LIMIT ${RECENT_CALLS}
      ) s ${joinCalls} ${whereOf(matching)} ORDER BY s.created_at DESC, s.call_id DESC LIMIT ${limit}`
    : Prisma.sql`
      SELECT s.call_id AS id, s.created_at FROM call_search s ${joinCalls} ${whereOf([...cursor, ...matching])}
      ORDER BY s.created_at + interval '0 seconds' DESC, s.call_id DESC LIMIT ${limit}`;
}

/**
 * The page's calls when the search matches a call with nothing said (it only excludes words: "-refund"), or has no
 * words: the calls walked newest first, each with its search row if it has one.
 */
function walkedPageSql(search: CallSearch): Prisma.Sql {
  const filters = filterConditions(search, false).call;
  const cursor = search.after ? [afterCondition(search.after, "c")] : [];
  const words = search.words ? [matchesWords(search.words, Prisma.sql`coalesce(s.search_vector, ''::tsvector)`)] : [];
  const joinSearch = search.words ? Prisma.sql`LEFT JOIN call_search s ON s.call_id = c.id` : Prisma.empty;
  return Prisma.sql`
    SELECT c.id, c.created_at FROM calls c ${joinSearch} ${whereOf([...cursor, ...filters, ...words])}
    ORDER BY c.created_at DESC, c.id DESC LIMIT ${search.limit + 1}`;
}

type PageRow = { id: string };

/** The page's calls, newest first, one more than the limit when another page follows. */
async function findPage(prisma: PrismaClient, search: CallSearch): Promise<PageRow[]> {
  const { words } = search;
  if (!words) return await prisma.$queryRaw<PageRow[]>`${walkedPageSql(search)}`;
  const [query] = await prisma.$queryRaw<{ nodes: number; matchesSilence: boolean }[]>`
    SELECT numnode(${bothLanguages(words)}) AS nodes, ${matchesWords(words, Prisma.sql`''::tsvector`)} AS "matchesSilence"`;
  if (!query || Number(query.nodes) === 0) {
    throw new ApiError("unprocessable", `Nothing to search for in "${words}": use a word that was said (punctuation, operators and the most common words alone find nothing).`);
  }
  if (query.matchesSilence) return await prisma.$queryRaw<PageRow[]>`${walkedPageSql(search)}`;
  const recent = await prisma.$queryRaw<PageRow[]>`${searchedPageSql({ ...search, words }, "recent")}`;
  if (recent.length > search.limit) return recent;
  return await prisma.$queryRaw<PageRow[]>`${searchedPageSql({ ...search, words }, "all")}`;
}

/** The passages of the page's calls only, by call id (the calls' text is read here, once the page is known). */
async function findPassages(prisma: PrismaClient, ids: string[], words: string | null): Promise<Map<string, string>> {
  if (!words || ids.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ id: string; passage: string }[]>`
    SELECT c.id, ${passageSql(words)} AS passage FROM calls c WHERE c.id IN (${Prisma.join(ids)})`;
  return new Map(rows.map((row) => [row.id, row.passage]));
}

export async function searchCalls(prisma: PrismaClient, search: CallSearch): Promise<CallSearchPage> {
  // One more than a page tells whether another page follows, without a count.
  const rows = await findPage(prisma, search);
  const ids = rows.slice(0, search.limit).map((row) => row.id);
  const [found, passages] = await Promise.all([prisma.call.findMany({ where: { id: { in: ids } } }), findPassages(prisma, ids, search.words)]);
  const calls = new Map(found.map((call) => [call.id, call]));
  return {
    // A call removed between the reads is left out.
    hits: ids.flatMap((id) => {
      const call = calls.get(id);
      return call ? [{ call, passage: passages.get(id) ?? null }] : [];
    }),
    hasMore: rows.length > search.limit,
  };
}
