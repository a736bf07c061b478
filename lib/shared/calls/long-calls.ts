// When a live call counts as long: past LONG_CALL_MINUTES (default 10) it is marked amber, past twice that red.
// Shared by every screen that shows live calls (the board, a wallboard), so they agree. Safe for client components.

export const DEFAULT_LONG_CALL_MINUTES = 10;

export type LongCallLevel = "normal" | "long" | "very-long";

/**
 * How long a call running `seconds` is, against the threshold in minutes; red past `veryLongMinutes`, twice the
 * threshold unless given (the wall takes both from its URL).
 */
export function longCallLevel(seconds: number, longCallMinutes: number, veryLongMinutes = 2 * longCallMinutes): LongCallLevel {
  if (seconds >= veryLongMinutes * 60) return "very-long";
  if (seconds >= longCallMinutes * 60) return "long";
  return "normal";
}

/** The mark in words, for screen readers and tooltips; null for a call that is not long. */
export function longCallDescription(level: LongCallLevel, longCallMinutes: number, veryLongMinutes = 2 * longCallMinutes): string | null {
  if (level === "very-long") return `Very long call: over ${veryLongMinutes} minutes`;
  if (level === "long") return `Long call: over ${longCallMinutes} minutes`;
  return null;
}
