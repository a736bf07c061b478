// Stores normalized Flireo events and folds each into its call, in a single statement.
//
// One statement, not read-then-write: the event insert is guarded by the (call_id, dedupe_key) unique index,
// so a redelivered event (even one arriving concurrently with its twin) inserts nothing and changes nothing;
// the call upsert only runs when the event was new. The fold takes, for every column, a value that does not
// depend on the order events arrive in (see STATUS_RANK), so late and reordered deliveries settle the same way.
import { poolOf } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { STATUS_RANK } from "./call-status";
import { callRowToView, type CallRow } from "./call-row";
import type { CallView } from "./call-view";
import { eventDedupeKey, type FlireoCallEvent } from "@/lib/webhooks/flireo-event";

export type RecordResult = { outcome: "stored"; call: CallView } | { outcome: "duplicate" };

function statusRank(event: FlireoCallEvent): number {
  if (event.status === "in-progress") return STATUS_RANK.inProgress;
  return event.type === "end-of-call-report" ? STATUS_RANK.endOfCallReport : STATUS_RANK.statusUpdateEnded;
}

function endedAt(event: FlireoCallEvent): Date | null {
  if (event.status === "in-progress") return null;
  return event.report?.endedAt ?? event.occurredAt;
}

function startedAt(event: FlireoCallEvent): Date | null {
  if (event.status === "in-progress") return event.occurredAt;
  return event.report?.startedAt ?? null;
}

function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** True when the incoming event settles the status over the stored one. */
const WINS = `((EXCLUDED.status_rank, EXCLUDED.status_at, EXCLUDED.status = 'ended-with-error') > (c.status_rank, c.status_at, c.status = 'ended-with-error'))`;

/** A call marked stale comes back only with news newer than anything seen; an end always settles it. */
const REVIVES = `(${WINS} AND EXCLUDED.status <> 'in-progress') OR EXCLUDED.last_event_at > c.last_event_at`;

/** The winner's value when it has one, else the stored one; the same result in either arrival order. */
function preferWinner(column: string): string {
  return `CASE WHEN ${WINS} THEN COALESCE(EXCLUDED.${column}, c.${column}) ELSE COALESCE(c.${column}, EXCLUDED.${column}) END`;
}

/** The input columns, in parameter order ($1, $2, …), each with its SQL array type and how it is read off an event. */
const INPUT_COLUMNS: readonly [name: string, type: string, pick: (event: FlireoCallEvent, rawPayload: unknown) => unknown][] = [
  ["call_id", "text", (e) => e.callId],
  ["type", "text", (e) => e.type],
  ["status", "text", (e) => e.status],
  ["occurred_at", "timestamptz", (e) => e.occurredAt],
  ["dedupe_key", "text", (e) => eventDedupeKey(e)],
  ["payload", "jsonb", (_, raw) => toJson(raw)],
  ["status_rank", "smallint", statusRank],
  ["call_type", "text", (e) => e.callType],
  ["line_number", "text", (e) => e.lineNumber],
  ["line_name", "text", (e) => e.lineName],
  ["customer_number", "text", (e) => e.customerNumber],
  ["started_at", "timestamptz", startedAt],
  ["ended_at", "timestamptz", endedAt],
  ["error", "text", (e) => e.error],
  ["end_reason", "text", (e) => e.endReason],
  ["duration_seconds", "double precision", (e) => e.report?.durationSeconds ?? null],
  ["summary", "text", (e) => e.report?.summary ?? null],
  ["analysis", "jsonb", (e) => toJson(e.report?.analysis)],
  ["transcript", "jsonb", (e) => toJson(e.report?.transcript)],
  ["recording_url", "text", (e) => e.report?.recordingUrl ?? null],
  ["metadata", "jsonb", (e) => toJson(e.metadata)],
];

// One fixed text whatever the number of events (they travel as arrays), so each connection prepares it once.
const RECORD_CALL_EVENTS_SQL = `
  WITH input AS (
    SELECT * FROM unnest(${INPUT_COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ")})
      AS t(${INPUT_COLUMNS.map(([name]) => name).join(", ")})
  ),
  new_events AS (
    INSERT INTO call_events (call_id, type, status, occurred_at, dedupe_key, payload)
    SELECT call_id, type, status, occurred_at, dedupe_key, payload FROM input ORDER BY call_id
    ON CONFLICT (call_id, dedupe_key) DO NOTHING
    RETURNING call_id
  )
  INSERT INTO calls AS c (
    id, status, status_rank, status_at, call_type, line_number, line_name, customer_number,
    started_at, ended_at, first_event_at, last_event_at, error, end_reason,
    duration_seconds, summary, analysis, transcript, recording_url, metadata
  )
  SELECT
    i.call_id, i.status, i.status_rank, i.occurred_at, i.call_type, i.line_number, i.line_name, i.customer_number,
    i.started_at, i.ended_at, i.occurred_at, i.occurred_at, i.error, i.end_reason,
    i.duration_seconds, i.summary, i.analysis, i.transcript, i.recording_url, i.metadata
  FROM input i JOIN new_events n ON n.call_id = i.call_id
  ORDER BY i.call_id
  ON CONFLICT (id) DO UPDATE SET
    status = CASE WHEN ${WINS} THEN EXCLUDED.status ELSE c.status END,
    status_rank = CASE WHEN ${WINS} THEN EXCLUDED.status_rank ELSE c.status_rank END,
    status_at = CASE WHEN ${WINS} THEN EXCLUDED.status_at ELSE c.status_at END,
    ended_at = CASE WHEN ${WINS} THEN EXCLUDED.ended_at ELSE c.ended_at END,
    error = ${preferWinner("error")},
    end_reason = ${preferWinner("end_reason")},
    call_type = COALESCE(c.call_type, EXCLUDED.call_type),
    line_number = COALESCE(c.line_number, EXCLUDED.line_number),
    line_name = COALESCE(c.line_name, EXCLUDED.line_name),
    customer_number = COALESCE(c.customer_number, EXCLUDED.customer_number),
    started_at = LEAST(c.started_at, EXCLUDED.started_at),
    first_event_at = LEAST(c.first_event_at, EXCLUDED.first_event_at),
    last_event_at = GREATEST(c.last_event_at, EXCLUDED.last_event_at),
    duration_seconds = COALESCE(EXCLUDED.duration_seconds, c.duration_seconds),
    summary = COALESCE(EXCLUDED.summary, c.summary),
    analysis = COALESCE(EXCLUDED.analysis, c.analysis),
    transcript = COALESCE(EXCLUDED.transcript, c.transcript),
    recording_url = COALESCE(EXCLUDED.recording_url, c.recording_url),
    metadata = COALESCE(EXCLUDED.metadata, c.metadata),
    unresolved_at = CASE WHEN ${REVIVES} THEN NULL ELSE c.unresolved_at END,
    unresolved_reason = CASE WHEN ${REVIVES} THEN NULL ELSE c.unresolved_reason END,
    version = nextval('calls_version_seq'),
    updated_at = now()
  RETURNING c.id, c.status, c.call_type, c.line_number, c.line_name, c.customer_number, c.started_at, c.ended_at,
    c.first_event_at, c.last_event_at, c.error, c.end_reason, c.duration_seconds, c.summary, c.unresolved_at,
    c.unresolved_reason, c.version`;

export type EventToRecord = { event: FlireoCallEvent; rawPayload: unknown };

/**
 * Stores several events in one statement (one transaction), each folded into its call exactly as if it had come
 * alone. The events must belong to different calls: one INSERT … ON CONFLICT cannot update a row twice. Rows are
 * taken in call-id order so that concurrent statements lock calls in the same order and cannot deadlock.
 * Returns one result per input, in input order.
 *
 * It runs on the node-postgres pool under `prisma` (see poolOf), as a prepared statement: this is the statement
 * every webhook waits for.
 */
export async function recordCallEvents(prisma: PrismaClient, items: readonly EventToRecord[]): Promise<RecordResult[]> {
  if (items.length === 0) return [];
  if (new Set(items.map((item) => item.event.callId)).size !== items.length) {
    throw new Error("recordCallEvents takes at most one event per call per statement.");
  }
  const values = INPUT_COLUMNS.map(([, , pick]) => items.map((item) => pick(item.event, item.rawPayload)));
  const { rows } = await poolOf(prisma).query<CallRow>({ name: "record-call-events", text: RECORD_CALL_EVENTS_SQL, values });

  const byCall = new Map(rows.map((row) => [row.id, row]));
  return items.map((item): RecordResult => {
    const row = byCall.get(item.event.callId);
    return row ? { outcome: "stored", call: callRowToView(row) } : { outcome: "duplicate" };
  });
}

/** Stores one event and folds it into its call (see recordCallEvents). */
export async function recordCallEvent(prisma: PrismaClient, event: FlireoCallEvent, rawPayload: unknown): Promise<RecordResult> {
  const [result] = await recordCallEvents(prisma, [{ event, rawPayload }]);
  if (!result) throw new Error("recordCallEvents returned no result");
  return result;
}
