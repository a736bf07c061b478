// The filtered calls as an Excel workbook, streamed: a Calls sheet (phone numbers as text, with their '+'; times
// in the reader's zone, as dates Excel can sort) and a Filters sheet saying which filters made it and when.
// exceljs's streaming writer keeps memory flat: rows are written out as each page of calls arrives.
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CallView } from "@/lib/shared/calls/call-view";
import { RANGE_LABELS, STATUS_LABELS, type CallFilter } from "@/lib/shared/calls/call-filter";
import { formatDayTimeWithZone } from "@/lib/shared/time/format-time";

export type ExportFilterRow = { label: string; value: string };

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const TEXT = "@";
const DATE_TIME = "yyyy-mm-dd hh:mm:ss";

const COLUMNS = [
  { header: "Id", key: "id", width: 38, style: { numFmt: TEXT } },
  { header: "Status", key: "status", width: 18 },
  { header: "Call type", key: "callType", width: 11 },
  { header: "Line name", key: "lineName", width: 24 },
  { header: "Line number", key: "lineNumber", width: 16, style: { numFmt: TEXT } },
  { header: "Customer number", key: "customerNumber", width: 16, style: { numFmt: TEXT } },
  { header: "Started", key: "startedAt", width: 20, style: { numFmt: DATE_TIME } },
  { header: "Ended", key: "endedAt", width: 20, style: { numFmt: DATE_TIME } },
  { header: "Duration (s)", key: "durationSeconds", width: 12 },
  { header: "Error", key: "error", width: 40 },
  { header: "End reason", key: "endReason", width: 24 },
  { header: "Summary", key: "summary", width: 60 },
] as const;

const wallClock = new Map<string, Intl.DateTimeFormat>();

/**
 * The time as the reader's clock showed it, as a Date whose UTC fields hold that wall-clock time: Excel's dates
 * have no zone, and exceljs writes a Date's UTC fields, so the cell reads as the reader's local time.
 */
export function toWallClockDate(iso: string | null, timeZone: string): Date | null {
  if (!iso) return null;
  let format = wallClock.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    wallClock.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((part) => [part.type, Number(part.value)]));
  return new Date(Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0));
}

function callRow(call: CallView, timeZone: string) {
  return {
    ...call,
    startedAt: toWallClockDate(call.startedAt ?? call.firstEventAt, timeZone),
    endedAt: toWallClockDate(call.endedAt, timeZone),
  };
}

/** The workbook as a response body; an error while writing breaks the download, so it cannot look complete. */
export function streamCallsXlsx(pages: AsyncIterable<CallView[]>, options: { timeZone: string; filters: ExportFilterRow[]; now?: Date; onError: (error: unknown) => void }): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  void writeWorkbook(output, pages, options).catch((error: unknown) => {
    options.onError(error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

async function writeWorkbook(output: PassThrough, pages: AsyncIterable<CallView[]>, options: { timeZone: string; filters: ExportFilterRow[]; now?: Date }) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Callboard";
  const sheet = workbook.addWorksheet("Calls", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({ ...column, header: column.key === "startedAt" || column.key === "endedAt" ? `${column.header} (${options.timeZone})` : column.header }));
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  for await (const page of pages) {
    for (const call of page) sheet.addRow(callRow(call, options.timeZone)).commit();
    count += page.length;
    // Let a slow download catch up before the next page: the writer itself does not wait.
    if (output.writableNeedDrain) await once(output, "drain");
  }
  sheet.commit();
  const about = workbook.addWorksheet("Filters");
  about.columns = [
    { header: "Filter", key: "label", width: 18 },
    { header: "Value", key: "value", width: 60, style: { numFmt: TEXT } },
  ];
  about.getRow(1).font = { bold: true };
  const rows = [...options.filters, { label: "Calls", value: String(count) }, { label: "Exported", value: formatDayTimeWithZone(options.now ?? new Date(), options.timeZone) }, { label: "Time zone", value: options.timeZone }];
  for (const row of rows) about.addRow(row).commit();
  about.commit();
  await workbook.commit();
}

/** The Filters sheet's rows: every filter, set or not, so the file says what it holds. */
export function describeExportFilters(filter: CallFilter & { words?: string }): ExportFilterRow[] {
  return [
    { label: "Number", value: filter.q.trim() || "Any" },
    { label: "Line", value: filter.line || "All lines" },
    { label: "Status", value: STATUS_LABELS[filter.status] },
    { label: "Started", value: RANGE_LABELS[filter.range] },
    { label: "Error", value: filter.error || "Any" },
    ...(filter.words === undefined ? [] : [{ label: "Words", value: filter.words.trim() || "Any" }]),
  ];
}
