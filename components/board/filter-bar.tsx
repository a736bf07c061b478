"use client";
// Number search, line, status and time range. The URL holds the filters (see use-call-filter.ts).
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import {
  RANGE_FILTERS,
  STATUS_FILTERS,
  callFilterToSearchParams,
  hasSearchDigits,
  isFilterActive,
  type CallFilter,
  type NotUnderstoodFilter,
  type RangeFilter,
  type StatusFilter,
  UNKNOWN_ERROR,
} from "@/lib/shared/calls/call-filter";
import { formatPhoneNumber } from "@/lib/shared/calls/format";

const SEARCH_DEBOUNCE_MS = 200;
const CONTROL =
  "h-10 rounded-lg border border-zinc-300 bg-white px-3 text-sm shadow-sm outline-none focus-visible:border-sky-600 focus-visible:ring-2 focus-visible:ring-sky-600/30 dark:border-zinc-700 dark:bg-zinc-900";

type FilterBarProps = {
  filter: CallFilter;
  lines: { number: string; name: string | null }[];
  onChange: (change: Partial<CallFilter>, how?: "typing") => void;
  /** Values in the URL that were not understood and so not applied (useNotUnderstoodFilters). */
  notUnderstood?: NotUnderstoodFilter[];
};

/** The search box's text, committed to the filter once typing pauses. */
function useDebouncedSearch(q: string, onChange: FilterBarProps["onChange"]) {
  const [input, setInput] = useState(q);
  const committed = useRef(q);

  // Back/forward and "Clear" change the URL's q: show it in the box.
  useEffect(() => {
    if (q !== committed.current) {
      committed.current = q;
      setInput(q);
    }
  }, [q]);

  useEffect(() => {
    const trimmed = input.trim();
    if (trimmed === committed.current.trim()) return;
    const timer = setTimeout(() => {
      committed.current = trimmed;
      onChange({ q: trimmed }, "typing");
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input, onChange]);

  return [input, setInput] as const;
}

export function FilterBar({ filter, lines, onChange, notUnderstood = [] }: FilterBarProps) {
  const t = useTranslations("board.filters");
  const [input, setInput] = useDebouncedSearch(filter.q, onChange);
  const isDigitless = input.trim() !== "" && !hasSearchDigits(input);
  const notUnderstoodList = notUnderstood.map(({ name, value, allowed }) => t("notUnderstoodValue", { name, value, allowed: allowed.join(", ") })).join("; ");

  return (
    <form role="search" aria-label={t("label")} className="flex flex-wrap items-end gap-3" onSubmit={(event) => event.preventDefault()}>
      <div className="flex min-w-56 flex-1 flex-col gap-1">
        <div className="flex items-baseline justify-between gap-3">
          <label htmlFor="number-search" className="shrink-0 text-xs font-medium text-zinc-600 dark:text-zinc-300">
            {t("number")}
          </label>
          {/* In the label's row, so the controls do not jump while typing. */}
          <p id="number-search-hint" role="status" className="truncate text-xs text-amber-700 dark:text-amber-400" data-testid="number-search-hint">
            {isDigitless ? t("noDigits") : ""}
          </p>
        </div>
        <input
          id="number-search"
          aria-describedby="number-search-hint"
          aria-invalid={isDigitless || undefined}
          type="search"
          inputMode="tel"
          autoComplete="off"
          placeholder={t("numberPlaceholder")}
          value={input}
          onChange={(event) => setInput(event.target.value)}
          className={`${CONTROL} text-base`}
        />
      </div>
      <FilterSelects filter={filter} lines={lines} onChange={onChange} />
      <FilterActions
        filter={filter}
        onClear={() => {
          setInput("");
          onChange({ q: "", line: "", status: "all", range: "all", error: "" });
        }}
      />
      {filter.error && <ErrorFilterChip error={filter.error} onRemove={() => onChange({ error: "" })} />}
      {notUnderstood.length > 0 && (
        <p role="alert" className="w-full text-sm text-amber-800 dark:text-amber-300" data-testid="filter-not-understood">
          {t("notUnderstood", { list: notUnderstoodList })}
        </p>
      )}
    </form>
  );
}

function FilterSelects({ filter, lines, onChange }: FilterBarProps) {
  const t = useTranslations("board.filters");
  const calls = useTranslations("calls");
  const knownLine = lines.some((line) => line.number === filter.line);
  return (
    <div className="grid w-full grid-cols-3 gap-2 sm:flex sm:w-auto sm:gap-3">
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="line-filter" className="text-xs font-medium text-zinc-600 dark:text-zinc-300">{t("line")}</label>
        <select id="line-filter" value={filter.line} onChange={(event) => onChange({ line: event.target.value })} className={`${CONTROL} w-full sm:max-w-56`}>
          <option value="">{t("allLines")}</option>
          {!knownLine && filter.line && <option value={filter.line}>{formatPhoneNumber(filter.line)}</option>}
          {lines.map((line) => (
            <option key={line.number} value={line.number}>
              {line.name ? t("lineOption", { name: line.name, number: formatPhoneNumber(line.number) }) : formatPhoneNumber(line.number)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="status-filter" className="text-xs font-medium text-zinc-600 dark:text-zinc-300">{t("status")}</label>
        <select id="status-filter" value={filter.status} onChange={(event) => onChange({ status: event.target.value as StatusFilter })} className={`${CONTROL} w-full`}>
          {STATUS_FILTERS.map((status) => <option key={status} value={status}>{calls(`statusFilter.${status}`)}</option>)}
        </select>
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="range-filter" className="text-xs font-medium text-zinc-600 dark:text-zinc-300">{t("started")}</label>
        <select id="range-filter" value={filter.range} onChange={(event) => onChange({ range: event.target.value as RangeFilter })} className={`${CONTROL} w-full`}>
          {RANGE_FILTERS.map((range) => <option key={range} value={range}>{calls(`range.${range}`)}</option>)}
        </select>
      </div>
    </div>
  );
}

/** `label`: the link's message in board.filters. */
const EXPORTS = [
  { path: "/api/calls/export", label: "exportCsv", testId: "export-csv" },
  { path: "/api/calls/export/xlsx", label: "exportXlsx", testId: "export-xlsx" },
] as const;

/** "Clear filters" while any is set, and the CSV and Excel exports of what the filters show. */
function FilterActions({ filter, onClear }: { filter: CallFilter; onClear: () => void }) {
  const t = useTranslations("board.filters");
  const exportParams = callFilterToSearchParams(filter).toString();
  return (
    <div className="flex flex-wrap gap-2">
      {isFilterActive(filter) && (
        <button
          type="button"
          data-testid="clear-filters"
          onClick={onClear}
          className="h-10 rounded-lg px-3 text-sm font-medium text-sky-700 hover:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-600/40 focus-visible:outline-none dark:text-sky-300 dark:hover:bg-sky-950/40"
        >
          {t("clear")}
        </button>
      )}
      {EXPORTS.map((format) => (
        <a
          key={format.path}
          href={`${format.path}${exportParams ? `?${exportParams}` : ""}`}
          download
          data-testid={format.testId}
          className="inline-flex h-10 items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-3 text-sm font-medium shadow-sm hover:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-sky-600/40 focus-visible:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor"><path d="M10 3a1 1 0 0 1 1 1v7.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42L9 11.6V4a1 1 0 0 1 1-1ZM4 16a1 1 0 0 1 1-1h10a1 1 0 1 1 0 2H5a1 1 0 0 1-1-1Z" /></svg>
          {t(format.label)}
        </a>
      ))}
    </div>
  );
}

/** The error text the board is narrowed to (set from the error groups), whole, with a way back to every error. */
function ErrorFilterChip({ error, onRemove }: { error: string; onRemove: () => void }) {
  const t = useTranslations("board.filters");
  const calls = useTranslations("calls");
  return (
    <p className="flex w-full min-w-0 items-start gap-2 text-sm" data-testid="error-filter">
      <span className="shrink-0 text-zinc-600 dark:text-zinc-300">{t("error")}</span>
      <span className="min-w-0 font-medium [overflow-wrap:anywhere] text-red-700 dark:text-red-400">{error === UNKNOWN_ERROR ? calls("unknownError") : error}</span>
      <button
        type="button"
        onClick={onRemove}
        aria-label={t("removeError", { error: error === UNKNOWN_ERROR ? calls("unknownError") : error })}
        className="shrink-0 rounded px-1 font-medium text-sky-700 hover:underline focus-visible:ring-2 focus-visible:ring-sky-600/40 focus-visible:outline-none dark:text-sky-300"
      >
        {t("anyError")}
      </button>
    </p>
  );
}
