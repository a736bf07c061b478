// Searching calls by what was said: the limits of a search, the calls page's filters in its URL, and the matching
// passage with its words marked. Safe to import from client components.
import { RANGE_FILTERS, STATUS_FILTERS, type RangeFilter, type StatusFilter } from "./call-filter";
import type { CallView } from "./call-view";

/** Longer searches are refused with a 422: a sentence finds a call, a pasted page only costs the database. */
export const SEARCH_MAX_CHARS = 200;

// ts_headline marks the matched words with these two characters, which Postgres takes out of the text first
// (private-use code points: no text means anything by them), so a passage is split into text and marked words
// without ever being read as HTML.
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export type PassagePart = { text: string; isMatch: boolean };

/** One call in the calls page's list, with the passage that matched the words searched for (null without words). */
export type CallsPageRow = { call: CallView; passage: PassagePart[] | null };

/** A passage from ts_headline as plain text runs and marked words. */
export function splitPassage(passage: string): PassagePart[] {
  const parts: PassagePart[] = [];
  for (const [index, piece] of passage.split(MARK_START).entries()) {
    const [marked, rest] = index === 0 ? [null, piece] : splitOnce(piece, MARK_END);
    if (marked) parts.push({ text: marked, isMatch: true });
    if (rest) parts.push({ text: rest.replaceAll(MARK_END, ""), isMatch: false });
  }
  return parts;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ""] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** The calls page's filters, as its URL holds them: the read API's names (q for words, number for the number). */
export type CallsPageFilter = { q: string; number: string; line: string; status: StatusFilter; range: RangeFilter };

type ParamSource = { get(name: string): string | null };

function oneOf<T extends string>(options: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (options as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Unknown values fall back to "no filter"; the words are kept whole, so a search too long is refused, not cut. */
export function parseCallsPageFilter(params: ParamSource): CallsPageFilter {
  return {
    q: (params.get("q") ?? "").trim(),
    number: (params.get("number") ?? "").trim().slice(0, 64),
    line: (params.get("line") ?? "").slice(0, 32),
    status: oneOf(STATUS_FILTERS, params.get("status"), "all"),
    range: oneOf(RANGE_FILTERS, params.get("range"), "all"),
  };
}

/** Only what is set, in a stable order. */
export function callsPageFilterToSearchParams(filter: CallsPageFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.number) params.set("number", filter.number);
  if (filter.line) params.set("line", filter.line);
  if (filter.status !== "all") params.set("status", filter.status);
  if (filter.range !== "all") params.set("range", filter.range);
  return params;
}
