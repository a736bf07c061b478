// Calls as CSV (RFC 4180). Written by hand: quoting is a few lines, and a library would still need the
// spreadsheet-formula guard below. Safe to import from client components (no server imports).
import type { CallView } from "./call-view";

export const CSV_COLUMNS = [
  "id",
  "status",
  "call_type",
  "line_name",
  "line_number",
  "customer_number",
  "started_at",
  "ended_at",
  "duration_seconds",
  "error",
  "end_reason",
  "summary",
] as const;

const E164 = /^\+\d{1,15}$/;

/**
 * Where a spreadsheet may start a new cell: at the start, and after any separator it might split on. Excel in a
 * Dutch or German locale splits a CSV on `;`, ignoring our commas (and, once a quote is misread, our quoting and
 * line breaks too), so `Busy;=HYPERLINK(…)` would put a formula in a cell of its own.
 */
const CELL_START_WITH_FORMULA = /(?<=^|[,;\t\r\n])(?=[=+\-@\t\r])/g;

/**
 * Every cell quoted (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage
 * return first) gets an apostrophe before it, at the start and after every separator, except a phone number in
 * E.164 form, which is data the operator wants intact.
 */
export function formatCsvCell(value: string | number | null): string {
  if (value === null) return '""';
  let text = String(value);
  if (typeof value === "string" && !E164.test(text)) text = text.replace(CELL_START_WITH_FORMULA, "'");
  return `"${text.replaceAll('"', '""')}"`;
}

export function formatCsvRow(values: (string | number | null)[]): string {
  return `${values.map(formatCsvCell).join(",")}\r\n`;
}

export function callToCsvRow(call: CallView): string {
  return formatCsvRow([
    call.id,
    call.status,
    call.callType,
    call.lineName,
    call.lineNumber,
    call.customerNumber,
    call.startedAt,
    call.endedAt,
    call.durationSeconds,
    call.error,
    call.endReason,
    call.summary,
  ]);
}
