// The shape of a call as the board and the realtime stream see it. Safe to import from client components.
import { isTestCall } from "./test-calls";
import type { CallCommandView } from "@/lib/shared/control/call-command";
import type { CallStatus } from "./call-status";

export type CallView = {
  id: string;
  status: CallStatus;
  callType: "inbound" | "outbound" | "web" | null;
  lineNumber: string | null;
  lineName: string | null;
  customerNumber: string | null;
  startedAt: string | null;
  endedAt: string | null;
  firstEventAt: string;
  lastEventAt: string;
  error: string | null;
  endReason: string | null;
  durationSeconds: number | null;
  summary: string | null;
  /** Set when an in-progress call went quiet for too long and was taken off the live list. */
  unresolvedAt: string | null;
  /** Why it was taken off, in words a person can read (e.g. how long Flireo has been silent about it). */
  unresolvedReason: string | null;
  /** Grows with every change to the call: of two snapshots, the higher version is the newer. */
  version: number;
};

/** A call is live when it is in progress and has not gone stale. */
export function isLive(call: Pick<CallView, "status" | "unresolvedAt">): boolean {
  return call.status === "in-progress" && call.unresolvedAt === null;
}

/** The moment a live call's timer counts from. */
export function callStartedAt(call: Pick<CallView, "startedAt" | "firstEventAt">): string {
  return call.startedAt ?? call.firstEventAt;
}

/** What the board loads at once (on first render, on a filter change, after a reconnect). */
export type BoardSnapshot = {
  /** callFilterKey() of the filter the lists were loaded with. */
  filterKey: string;
  live: CallView[];
  errors: CallView[];
  /** Calls that ended without an error, most recent first. */
  ended: CallView[];
  /** Every line that has taken a call, for the line filter. */
  lines: { number: string; name: string | null }[];
  /** Every change with a version up to this one is reflected in the snapshot. */
  asOfVersion: number;
  /** When Callboard last stored a webhook event (ISO), for "last event … ago" before the live stream brings one. */
  lastStoredAt: string | null;
  /** The latest command to each live call in the snapshot: one sent or answered while the board was away shows too. */
  commands: CallCommandView[];
};

/** An ended call's length: the report's duration when it came, else the time between start and end. */
export function endedCallDuration(call: Pick<CallView, "durationSeconds" | "endedAt" | "startedAt" | "firstEventAt">): number | null {
  if (call.durationSeconds !== null) return call.durationSeconds;
  if (!call.endedAt) return null;
  return (Date.parse(call.endedAt) - Date.parse(callStartedAt(call))) / 1000;
}

/**
 * How long after a call's end the board waits for its end-of-call report before saying none came. Flireo sends
 * the report once the summary (and any analysis) is written, usually within a minute of the end.
 */
export const REPORT_WAIT_MS = 10 * 60_000;

/**
 * Where an ended call's summary stands: shown, still expected, or not coming (no report, or one without it, or
 * a test event, for which Flireo sends none).
 */
export type SummaryState = "summary" | "pending" | "no-report" | "no-summary" | "test-event";

export function summaryState(call: Pick<CallView, "id" | "summary" | "durationSeconds" | "endedAt">, now: number): SummaryState {
  if (call.summary) return "summary";
  if (isTestCall(call)) return "test-event";
  // Only an end-of-call report sets the duration, so a duration without a summary is a report that had none.
  if (call.durationSeconds !== null) return "no-summary";
  if (call.endedAt && now - Date.parse(call.endedAt) >= REPORT_WAIT_MS) return "no-report";
  return "pending";
}
