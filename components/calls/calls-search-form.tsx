"use client";
// The calls page's search: words said, number, line, status and time range. The URL holds them all, so a search
// can be shared and Back undoes it; a new search starts again from the newest call.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RANGE_FILTERS, STATUS_FILTERS, type RangeFilter, type StatusFilter } from "@/lib/shared/calls/call-filter";
import { SEARCH_MAX_CHARS, callsPageFilterToSearchParams, type CallsPageFilter } from "@/lib/shared/calls/call-search";
import { formatPhoneNumber } from "@/lib/shared/calls/format";

const CONTROL =
  "h-10 rounded-lg border border-zinc-300 bg-white px-3 text-sm shadow-sm outline-none focus-visible:border-sky-600 focus-visible:ring-2 focus-visible:ring-sky-600/30 dark:border-zinc-700 dark:bg-zinc-900";
const LABEL = "text-xs font-medium text-zinc-600 dark:text-zinc-300";

type Props = { filter: CallsPageFilter; lines: { number: string; name: string | null }[] };

export function CallsSearchForm({ filter, lines }: Props) {
  const t = useTranslations("callsPage.search");
  const router = useRouter();
  const [words, setWords] = useState(filter.q);
  const [number, setNumber] = useState(filter.number);
  const go = (change: Partial<CallsPageFilter>) => {
    const params = callsPageFilterToSearchParams({ ...filter, q: words.trim(), number: number.trim(), ...change }).toString();
    router.push(`/calls${params ? `?${params}` : ""}`);
  };
  const exportParams = callsPageFilterToSearchParams(filter).toString();
  const knownLine = lines.some((line) => line.number === filter.line);
  return (
    <form role="search" aria-label={t("label")} className="flex flex-wrap items-end gap-3" onSubmit={(event) => { event.preventDefault(); go({}); }}>
      <div className="flex min-w-64 flex-[2] flex-col gap-1">
        <label htmlFor="calls-words" className={LABEL}>{t("words")}</label>
        <input id="calls-words" name="q" type="search" value={words} maxLength={SEARCH_MAX_CHARS} autoComplete="off" placeholder={t("wordsPlaceholder")} onChange={(event) => setWords(event.target.value)} className={`${CONTROL} text-base`} />
      </div>
      <div className="flex min-w-40 flex-1 flex-col gap-1">
        <label htmlFor="calls-number" className={LABEL}>{t("number")}</label>
        <input id="calls-number" name="number" type="search" inputMode="tel" value={number} autoComplete="off" placeholder={t("numberPlaceholder")} onChange={(event) => setNumber(event.target.value)} className={`${CONTROL} text-base`} />
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="calls-line" className={LABEL}>{t("line")}</label>
        <select id="calls-line" value={filter.line} onChange={(event) => go({ line: event.target.value })} className={`${CONTROL} max-w-56`}>
          <option value="">{t("allLines")}</option>
          {!knownLine && filter.line && <option value={filter.line}>{formatPhoneNumber(filter.line)}</option>}
          {lines.map((line) => (
            <option key={line.number} value={line.number}>{line.name ? `${line.name} (${formatPhoneNumber(line.number)})` : formatPhoneNumber(line.number)}</option>
          ))}
        </select>
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="calls-status" className={LABEL}>{t("status")}</label>
        <select id="calls-status" value={filter.status} onChange={(event) => go({ status: event.target.value as StatusFilter })} className={CONTROL}>
          {STATUS_FILTERS.map((status) => <option key={status} value={status}>{t(`statusOptions.${status}`)}</option>)}
        </select>
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="calls-range" className={LABEL}>{t("started")}</label>
        <select id="calls-range" value={filter.range} onChange={(event) => go({ range: event.target.value as RangeFilter })} className={CONTROL}>
          {RANGE_FILTERS.map((range) => <option key={range} value={range}>{t(`rangeOptions.${range}`)}</option>)}
        </select>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" data-testid="calls-search" className="h-10 rounded-lg bg-zinc-900 px-4 text-sm font-medium text-white shadow-sm hover:bg-zinc-700 dark:bg-white dark:text-zinc-900">{t("submit")}</button>
        <a href={`/api/calls/search/export${exportParams ? `?${exportParams}` : ""}`} download data-testid="calls-export" className="inline-flex h-10 items-center rounded-lg border border-zinc-300 bg-white px-3 text-sm font-medium shadow-sm hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
          {t("exportCsv")}
        </a>
        <a href={`/api/calls/search/export/xlsx${exportParams ? `?${exportParams}` : ""}`} download data-testid="calls-export-xlsx" className="inline-flex h-10 items-center rounded-lg border border-zinc-300 bg-white px-3 text-sm font-medium shadow-sm hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
          {t("exportExcel")}
        </a>
      </div>
    </form>
  );
}
