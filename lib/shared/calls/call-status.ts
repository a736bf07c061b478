// Call statuses and the order in which events settle them. Shared by the server and the board.

export const CALL_STATUSES = ["in-progress", "ended", "ended-with-error"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export function isCallStatus(value: unknown): value is CallStatus {
  return typeof value === "string" && (CALL_STATUSES as readonly string[]).includes(value);
}

export function isTerminalStatus(status: CallStatus): boolean {
  return status !== "in-progress";
}

/**
 * How strongly an event settles a call's status. A call's status is the one carried by the event with the
 * highest (rank, occurredAt, isError), so the result is the same whatever order the events arrive in:
 * a late `in-progress` never revives an ended call, and an end-of-call report (which implies "ended")
 * never hides an explicit `ended-with-error`.
 */
export const STATUS_RANK = {
  inProgress: 1,
  endOfCallReport: 2,
  statusUpdateEnded: 3,
} as const;
