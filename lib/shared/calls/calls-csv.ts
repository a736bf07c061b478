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
 * Quotes a cell when needed. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe, except phone numbers in E.164 form, which are data the operator wants intact.
 */
export function formatCsvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !E164.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
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
