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

const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function formatClockTime(iso: string | null): string {
  return iso ? timeFormat.format(new Date(iso)) : "—";
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" });
const shortTimeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/** The time alone for today; with the day for anything older ("26 Nov 22:35"), so lists spanning days read right. */
export function formatRecentTime(iso: string | null, now: number): string {
  if (!iso) return "—";
  const at = new Date(iso);
  if (at.toDateString() === new Date(now).toDateString()) return timeFormat.format(at);
  return `${dayFormat.format(at)} ${shortTimeFormat.format(at)}`;
}
