// Display formatting for numbers, durations and times. Safe to import from client components.
import { parsePhoneNumberFromString } from "libphonenumber-js/min";

export function formatPhoneNumber(number: string | null): string {
  if (!number) return "—";
  const parsed = parsePhoneNumberFromString(number);
  return parsed?.isValid() ? parsed.formatInternational() : number;
}

/** 0:07, 4:05, 1:02:09 */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

export function secondsBetween(fromIso: string, toMs: number): number {
  return (toMs - Date.parse(fromIso)) / 1000;
}
