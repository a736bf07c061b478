// Every stored call, newest first, one keyset page at a time: filtered as on the board and, when words are given,
// searched by what was said (the search_vector column, see its migration). Serves the calls page, its export and
// the read API alike.
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
function matchesWords(words: string): Prisma.Sql {
  const excluded = excludedWords(words);
  const exclusion = excluded.length > 0 ? Prisma.sql` AND NOT c.search_vector @@ ${bothLanguages(excluded.join(" OR "))}` : Prisma.empty;
  return Prisma.sql`(c.search_vector @@ ${bothLanguages(words)}${exclusion})`;
}

const STATUS_SQL: Record<SearchStatus, Prisma.Sql> = {
  "in-progress": Prisma.sql`(c.status = 'in-progress' AND c.unresolved_at IS NULL)`,
  unresolved: Prisma.sql`(c.status = 'in-progress' AND c.unresolved_at IS NOT NULL)`,
  ended: Prisma.sql`c.status = 'ended'`,
  "ended-with-error": Prisma.sql`c.status = 'ended-with-error'`,
};

/** The number patterns hold digits and a leading + only (number-search.ts): nothing LIKE would read as a wildcard. */
function numberCondition(pattern: NumberPattern): Prisma.Sql {
  const like = pattern.kind === "prefix" ? `${pattern.value}%` : `%${pattern.value}%`;
  return Prisma.sql`(c.customer_number LIKE ${like} OR c.line_number LIKE ${like})`;
}

/** Calls after the cursor in (created_at DESC, id DESC) order; the `<=` bound lets Postgres start the index scan there. */
function afterCondition({ createdAt, id }: { createdAt: Date; id: string }): Prisma.Sql {
  return Prisma.sql`c.created_at <= ${createdAt}::timestamptz AND (c.created_at < ${createdAt}::timestamptz OR c.id < ${id})`;
}

/** The filters (number, line, status, time), not the words nor the cursor. */
function conditions(search: CallSearch): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (search.number) where.push(numberCondition(search.number));
  if (search.line) where.push(Prisma.sql`c.line_number = ${search.line}`);
  if (search.statuses?.length) where.push(Prisma.sql`(${Prisma.join(search.statuses.map((status) => STATUS_SQL[status]), " OR ")})`);
  // The expression of calls_started_or_first_event_idx, so a time range uses it.
  if (search.from) where.push(Prisma.sql`COALESCE(c.started_at, c.first_event_at) >= ${search.from}::timestamptz`);
  if (search.to) where.push(Prisma.sql`COALESCE(c.started_at, c.first_event_at) < ${search.to}::timestamptz`);
  return where;
}

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The matching passage, cut only from the page's rows, as English and as Dutch: the one with more words marked
 * wins (a Dutch call searched in Dutch marks its Dutch stems). The marker characters are taken out of the text
 * first, so only Postgres's marks remain. (OFFSET 0 keeps each passage cut once, not once per mention.)
 */
function passageSql(words: string): Prisma.Sql {
  const doc = Prisma.sql`translate(callboard_search_text(p.summary, p.transcript, p.error, p.end_reason), ${MARK_START + MARK_END}, '')`;
  const english = Prisma.sql`ts_headline('english', ${doc}, websearch_to_tsquery('english', ${words}::text), ${HEADLINE_OPTIONS})`;
  const dutch = Prisma.sql`ts_headline('dutch', ${doc}, websearch_to_tsquery('dutch', ${words}::text), ${HEADLINE_OPTIONS})`;
  const marks = (column: Prisma.Sql) => Prisma.sql`(length(${column}) - length(replace(${column}, ${MARK_START}, '')))`;
  return Prisma.sql`(SELECT CASE WHEN ${marks(Prisma.sql`h.nl`)} > ${marks(Prisma.sql`h.en`)} THEN h.nl ELSE h.en END FROM (SELECT ${english} AS en, ${dutch} AS nl OFFSET 0) h)`;
}

type PageRow = { id: string; passage: string | null };

/** How many of the newest calls a search looks through before it asks the GIN index for every match. */
const RECENT_CALLS = 5_000;

const whereOf = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty);
const CALL_COLUMNS = Prisma.sql`c.id, c.created_at, c.summary, c.transcript, c.error, c.end_reason`;

/**
 * One page of a search, from the newest RECENT_CALLS calls (after the cursor) or from all of them. Postgres cannot
 * choose between walking the calls newest first and asking the GIN index: it estimates a search's matches as if
 * words, lines and statuses were independent, but they are not (words said together come together; a line hears
 * its own questions), and either guess, wrong, costs seconds at a million calls: walking the whole table for a
 * combination that is rare, or fetching and sorting tens of thousands of calls for words that are common. So a
 * search looks through the newest calls first (a few milliseconds, enough for common words), and only when they
 * hold less than a page asks the index, sorting its matches (the ORDER BY expression keeps Postgres from walking).
 */
function pageSql(search: CallSearch, from: "recent" | "all"): Prisma.Sql {
  const passage = search.words ? passageSql(search.words) : Prisma.sql`NULL::text`;
  const limit = search.limit + 1;
  const all = [...conditions(search), ...(search.words ? [matchesWords(search.words)] : [])];
  const cursor = search.after ? [afterCondition(search.after)] : [];
  const page =
    from === "recent"
      ? Prisma.sql`
        SELECT * FROM (
          SELECT ${CALL_COLUMNS}, c.search_vector, c.customer_number, c.line_number, c.status, c.unresolved_at, c.started_at, c.first_event_at
          FROM calls c ${whereOf(cursor)} ORDER BY c.created_at DESC, c.id DESC LIMIT ${RECENT_CALLS}
        ) c ${whereOf(all)} ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit}`
      : search.words
        ? Prisma.sql`SELECT ${CALL_COLUMNS} FROM calls c ${whereOf([...cursor, ...all])} ORDER BY c.created_at + interval '0 seconds' DESC, c.id DESC LIMIT ${limit}`
        : Prisma.sql`SELECT ${CALL_COLUMNS} FROM calls c ${whereOf([...cursor, ...all])} ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit}`;
  return Prisma.sql`SELECT p.id, ${passage} AS passage FROM (${page}) p ORDER BY p.created_at DESC, p.id DESC`;
}

export async function searchCalls(prisma: PrismaClient, search: CallSearch): Promise<CallSearchPage> {
  // One more than a page tells whether another page follows, without a count.
  let rows = search.words ? await prisma.$queryRaw<PageRow[]>`${pageSql(search, "recent")}` : [];
  if (rows.length <= search.limit) rows = await prisma.$queryRaw<PageRow[]>`${pageSql(search, "all")}`;
  if (rows.length === 0 && search.words) await refuseWordless(prisma, search.words);
  const page = rows.slice(0, search.limit);
  const calls = new Map((await prisma.call.findMany({ where: { id: { in: page.map((row) => row.id) } } })).map((call) => [call.id, call]));
  return {
    // A call removed between the two reads is left out.
    hits: page.flatMap((row) => {
      const call = calls.get(row.id);
      return call ? [{ call, passage: row.passage }] : [];
    }),
    hasMore: rows.length > search.limit,
  };
}

/** Asked only when nothing was found: was there anything to look for (not just "the", "de" or punctuation)? */
async function refuseWordless(prisma: PrismaClient, words: string): Promise<void> {
  const [row] = await prisma.$queryRaw<{ nodes: number }[]>`
    SELECT numnode(${bothLanguages(words)}) AS nodes`;
  if (row && Number(row.nodes) === 0) {
    throw new ApiError("unprocessable", `Nothing to search for in "${words}": use a word that was said (punctuation, operators and the most common words alone find nothing).`);
  }
}
