// Maps a `calls` row (as Prisma returns it, or as raw SQL returns it) to the CallView the board sees.
import type { Call } from "@/lib/db/generated/client";
import { isCallStatus } from "@/lib/shared/calls/call-status";
import type { CallView } from "@/lib/shared/calls/call-view";

/** A timestamp: a Date from Prisma, or ISO text where the SQL formats it (see record-call-event.ts). */
type Timestamp = Date | string;

export type CallRow = {
  id: string;
  status: string;
  call_type: string | null;
  line_number: string | null;
  line_name: string | null;
  customer_number: string | null;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  first_event_at: Timestamp;
  last_event_at: Timestamp;
  error: string | null;
  end_reason: string | null;
  duration_seconds: number | null;
  summary: string | null;
  unresolved_at: Timestamp | null;
  unresolved_reason: string | null;
  /** A bigint from Prisma, a string from node-postgres (int8). */
  version: bigint | number | string;
};

const CALL_TYPES = new Set(["inbound", "outbound", "web"]);

function toCallType(value: string | null): CallView["callType"] {
  return value !== null && CALL_TYPES.has(value) ? (value as CallView["callType"]) : null;
}

function toStatus(value: string): CallView["status"] {
  if (!isCallStatus(value)) throw new Error(`Unexpected call status in the database: ${value}`);
  return value;
}

function toIso(value: Timestamp): string;
function toIso(value: Timestamp | null): string | null;
function toIso(value: Timestamp | null): string | null {
  return value === null || typeof value === "string" ? value : value.toISOString();
}

export function callRowToView(row: CallRow): CallView {
  return {
    id: row.id,
    status: toStatus(row.status),
    callType: toCallType(row.call_type),
    lineNumber: row.line_number,
    lineName: row.line_name,
    customerNumber: row.customer_number,
    startedAt: toIso(row.started_at),
    endedAt: toIso(row.ended_at),
    firstEventAt: toIso(row.first_event_at),
    lastEventAt: toIso(row.last_event_at),
    error: row.error,
    endReason: row.end_reason,
    durationSeconds: row.duration_seconds,
    summary: row.summary,
    unresolvedAt: toIso(row.unresolved_at),
    unresolvedReason: row.unresolved_reason,
    version: Number(row.version),
  };
}

export function callToView(call: Call): CallView {
  return callRowToView({
    id: call.id,
    status: call.status,
    call_type: call.callType,
    line_number: call.lineNumber,
    line_name: call.lineName,
    customer_number: call.customerNumber,
    started_at: call.startedAt,
    ended_at: call.endedAt,
    first_event_at: call.firstEventAt,
    last_event_at: call.lastEventAt,
    error: call.error,
    end_reason: call.endReason,
    duration_seconds: call.durationSeconds,
    summary: call.summary,
    unresolved_at: call.unresolvedAt,
    unresolved_reason: call.unresolvedReason,
    version: call.version,
  });
}
