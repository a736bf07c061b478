// The board's filters (number, line, status, time range), read from and written to the URL, and matched
// against a call in the browser exactly as lib/calls/call-filter-where.ts matches it in the database.
// Safe to import from client components.
import type { CountryCode } from "libphonenumber-js/min";
import { callStartedAt, type CallView } from "./call-view";
import { matchesNumberSearch, parseNumberSearch, type NumberPattern } from "./number-search";

export const STATUS_FILTERS = ["all", "live", "ended", "error"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const RANGE_FILTERS = ["all", "1h", "24h", "7d"] as const;
export type RangeFilter = (typeof RANGE_FILTERS)[number];

const RANGE_MS: Record<Exclude<RangeFilter, "all">, number> = {
  "1h": 60 * 60 * 1000,
  "24h": 24 * 60 * 60 * 1000,
  "7d": 7 * 24 * 60 * 60 * 1000,
};

export const STATUS_LABELS: Record<StatusFilter, string> = {
  all: "All",
  live: "In progress",
  ended: "Ended",
  error: "Errors",
};

export const RANGE_LABELS: Record<RangeFilter, string> = {
  all: "Any time",
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
};

export type CallFilter = {
  /** Number search as typed (see number-search.ts). */
  q: string;
  /** A line's E.164 number, or "" for every line. */
  line: string;
  status: StatusFilter;
  range: RangeFilter;
  /** An error's exact text (as the error groups show it), or "" for any. */
  error: string;
};

export const EMPTY_FILTER: CallFilter = { q: "", line: "", status: "all", range: "all", error: "" };

/** What the error groups call an error without text; the error filter matches those calls by it. */
export const UNKNOWN_ERROR = "Unknown error";
const ERROR_FILTER_MAX = 500;

/** The text a call's error is grouped and filtered by. */
export function errorGroupText(call: { error: string | null }): string {
  return call.error ?? UNKNOWN_ERROR;
}

type ParamSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function readParam(source: ParamSource, name: string): string {
  if (typeof (source as { get?: unknown }).get === "function") return (source as { get(n: string): string | null }).get(name) ?? "";
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return typeof value === "string" ? value : "";
}

function oneOf<T extends string>(options: readonly T[], value: string, fallback: T): T {
  return (options as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Unknown or malformed values fall back to "no filter", so an old or hand-edited link still opens. */
export function parseCallFilter(source: ParamSource): CallFilter {
  return {
    q: readParam(source, "q").slice(0, 64),
    line: readParam(source, "line").slice(0, 32),
    status: oneOf(STATUS_FILTERS, readParam(source, "status"), "all"),
    range: oneOf(RANGE_FILTERS, readParam(source, "range"), "all"),
    error: readParam(source, "error").slice(0, ERROR_FILTER_MAX),
  };
}

/** A value in the URL that was not understood: the parameter, the value as given, and the values it can take. */
export type NotUnderstoodFilter = { name: "status" | "range"; value: string; allowed: readonly string[] };

/**
 * The status and range values in the URL that parseCallFilter could not read and so left out, for the board to say
 * so (a hand-typed `?status=errors` must not silently show every status).
 */
export function notUnderstoodFilters(source: ParamSource): NotUnderstoodFilter[] {
  const problems: NotUnderstoodFilter[] = [];
  const status = readParam(source, "status");
  if (status && !(STATUS_FILTERS as readonly string[]).includes(status)) problems.push({ name: "status", value: status, allowed: STATUS_FILTERS });
  const range = readParam(source, "range");
  if (range && !(RANGE_FILTERS as readonly string[]).includes(range)) problems.push({ name: "range", value: range, allowed: RANGE_FILTERS });
  return problems;
}

/** Only the filters that are set, in a stable order, so equal filters give equal URLs. */
export function callFilterToSearchParams(filter: CallFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q.trim()) params.set("q", filter.q.trim());
  if (filter.line) params.set("line", filter.line);
  if (filter.status !== "all") params.set("status", filter.status);
  if (filter.range !== "all") params.set("range", filter.range);
  if (filter.error) params.set("error", filter.error);
  return params;
}

/** True when the filter narrows the board; a number search without digits (say "abc") narrows nothing. */
export function isFilterActive(filter: CallFilter): boolean {
  return callFilterToSearchParams({ ...filter, q: hasSearchDigits(filter.q) ? filter.q : "" }).size > 0;
}

/** Numbers are searched by their digits (parseNumberSearch), so a query without any matches every call. */
export function hasSearchDigits(query: string): boolean {
  return /\d/.test(query);
}

/** The earliest start a call may have under this range, or null for any time. */
export function rangeStart(range: RangeFilter, now: number): Date | null {
  return range === "all" ? null : new Date(now - RANGE_MS[range]);
}

export function statusFilterIncludes(status: StatusFilter, list: "live" | "ended" | "error"): boolean {
  return status === "all" || status === list;
}

/** A filter with its number search parsed once, ready to test many calls. */
export type CompiledCallFilter = { filter: CallFilter; pattern: NumberPattern | null };

export function compileCallFilter(filter: CallFilter, defaultCountry: CountryCode): CompiledCallFilter {
  return { filter, pattern: parseNumberSearch(filter.q, defaultCountry) };
}

/** Number, line, error text and time range; the status filter picks which of the board's lists is shown. */
export function matchesCallFilter(call: CallView, compiled: CompiledCallFilter, now: number): boolean {
  const { filter, pattern } = compiled;
  if (filter.line && call.lineNumber !== filter.line) return false;
  if (filter.error && (call.status !== "ended-with-error" || errorGroupText(call) !== filter.error)) return false;
  const since = rangeStart(filter.range, now);
  if (since && Date.parse(callStartedAt(call)) < since.getTime()) return false;
  return matchesNumberSearch(call, pattern);
}

/** Identifies a filter, e.g. to tell whether a loaded snapshot still belongs to the filter on screen. */
export function callFilterKey(filter: CallFilter): string {
  return callFilterToSearchParams(filter).toString();
}
