// Stores normalized Flireo events and folds each into its call, in a single statement.
//
// One statement, not read-then-write: the event insert is guarded by the (call_id, dedupe_key) unique index,
// so a redelivered event (even one arriving concurrently with its twin) inserts nothing and changes nothing;
// the call upsert only runs when the event was new. The fold takes, for every column, a value that does not
// depend on the order events arrive in (see STATUS_RANK), so late and reordered deliveries settle the same way.
import type pg from "pg";
import { STATUS_RANK } from "@/lib/shared/calls/call-status";
import { callRowToView, type CallRow } from "./call-row";
import type { CallView } from "@/lib/shared/calls/call-view";
import { eventDedupeKey, storedEventType, type FlireoCallEvent } from "@/lib/calls/call-event";

/** The node-postgres pool under the Prisma client (lib/db/client.ts), or anything that queries like it. */
export type Queryable = Pick<pg.Pool, "query">;

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

/** True when the incoming event settles the status over the stored one. */
const WINS = `((EXCLUDED.status_rank, EXCLUDED.status_at, EXCLUDED.status = 'ended-with-error') > (c.status_rank, c.status_at, c.status = 'ended-with-error'))`;

/** A call marked stale comes back only with news newer than anything seen; an end always settles it. */
const REVIVES = `(${WINS} AND EXCLUDED.status <> 'in-progress') OR EXCLUDED.last_event_at > c.last_event_at`;

/**
 * The call's details (type, line, customer, metadata) and the report's parts, each with the time of the event it
 * came from (`<column>_at`): a value replaces the stored one only when its event is later, ties broken by the
 * value itself, so the latest event that carried one wins by its own time, in any arrival order.
 */
const TIMED_COLUMNS = [
  "call_type",
  "line_number",
  "line_name",
  "customer_number",
  "duration_seconds",
  "summary",
  "analysis",
  "transcript",
  "recording_url",
  "metadata",
] as const;

function isLaterValue(column: string): string {
  return `(EXCLUDED.${column} IS NOT NULL AND (c.${column} IS NULL OR (EXCLUDED.${column}_at, EXCLUDED.${column}) > (COALESCE(c.${column}_at, '-infinity'), c.${column})))`;
}

const TIMED_INSERT_COLUMNS = TIMED_COLUMNS.map((column) => `${column}_at`).join(", ");
const TIMED_INSERT_VALUES = TIMED_COLUMNS.map((column) => `CASE WHEN i.${column} IS NOT NULL THEN i.occurred_at END`).join(", ");
const TIMED_UPDATES = TIMED_COLUMNS.map(
  (column) => `${column} = CASE WHEN ${isLaterValue(column)} THEN EXCLUDED.${column} ELSE c.${column} END,
    ${column}_at = CASE WHEN ${isLaterValue(column)} THEN EXCLUDED.${column}_at ELSE c.${column}_at END`,
).join(",\n    ");

/** The winner's value when it has one, else the stored one; the same result in either arrival order. */
function preferWinner(column: string): string {
  return `CASE WHEN ${WINS} THEN COALESCE(EXCLUDED.${column}, c.${column}) ELSE COALESCE(c.${column}, EXCLUDED.${column}) END`;
}

/**
 * A raw payload given as the JSON text it arrived in, which goes into the statement as it is. Serializing the parsed
 * payload again was the costliest part of building a group's statement. The text must be valid JSON that Postgres
 * can store (isStorableJsonText); jsonb keeps the same value either way, and a number's every digit.
 */
export class PayloadText {
  constructor(readonly json: string) {}
}

const payloadJson = (rawPayload: unknown) => (rawPayload instanceof PayloadText ? rawPayload.json : JSON.stringify(rawPayload ?? null));

/**
 * One input row: the event's columns (named as in SQL), read off an event; timestamps travel as ISO text. The
 * payload is added beside it (payloadJson). The event must come from parseFlireoPayload: Postgres refuses JSON text
 * with U+0000 or an unpaired surrogate (the whole group would fail), which parseStorableJson has replaced, and
 * JSON.stringify would write an invalid Date as null, which the parser never lets through.
 */
function inputRow(event: FlireoCallEvent) {
  return {
    call_id: event.callId,
    type: storedEventType(event),
    status: event.status,
    occurred_at: event.occurredAt,
    dedupe_key: eventDedupeKey(event),
    status_rank: statusRank(event),
    call_type: event.callType,
    line_number: event.lineNumber,
    line_name: event.lineName,
    customer_number: event.customerNumber,
    started_at: startedAt(event),
    ended_at: endedAt(event),
    error: event.error,
    end_reason: event.endReason,
    duration_seconds: event.report?.durationSeconds ?? null,
    summary: event.report?.summary ?? null,
    analysis: event.report?.analysis ?? null,
    transcript: event.report?.transcript ?? null,
    recording_url: event.report?.recordingUrl ?? null,
    metadata: event.metadata ?? null,
  };
}

/** The SQL type of each input column: inputRow's, then the payload. */
const INPUT_TYPES: Record<keyof ReturnType<typeof inputRow> | "payload", string> = {
  call_id: "text",
  type: "text",
  status: "text",
  occurred_at: "timestamptz",
  dedupe_key: "text",
  payload: "jsonb",
  status_rank: "smallint",
  call_type: "text",
  line_number: "text",
  line_name: "text",
  customer_number: "text",
  started_at: "timestamptz",
  ended_at: "timestamptz",
  error: "text",
  end_reason: "text",
  duration_seconds: "double precision",
  summary: "text",
  analysis: "jsonb",
  transcript: "jsonb",
  recording_url: "text",
  metadata: "jsonb",
};

/** A timestamp as JavaScript's toISOString writes it (millisecond precision, in UTC), so no Date is built for it. */
const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// One fixed text whatever the number of events, so each connection prepares it once. The events travel as one
// JSON array, with each raw payload inside it as it is: one JSON.stringify for the whole group, where a parameter
// per column cost node-postgres an escaping pass over every value (the payloads' JSON included) on the event loop.
const RECORD_CALL_EVENTS_SQL = `
  WITH input AS (
    SELECT * FROM json_to_recordset($1::json)
      AS t(${Object.entries(INPUT_TYPES).map(([name, type]) => `${name} ${type}`).join(", ")})
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
    duration_seconds, summary, analysis, transcript, recording_url, metadata, ${TIMED_INSERT_COLUMNS}
  )
  SELECT
    i.call_id, i.status, i.status_rank, i.occurred_at, i.call_type, i.line_number, i.line_name, i.customer_number,
    i.started_at, i.ended_at, i.occurred_at, i.occurred_at, i.error, i.end_reason,
    i.duration_seconds, i.summary, i.analysis, i.transcript, i.recording_url, i.metadata, ${TIMED_INSERT_VALUES}
  FROM input i JOIN new_events n ON n.call_id = i.call_id
  ORDER BY i.call_id
  ON CONFLICT (id) DO UPDATE SET
    status = CASE WHEN ${WINS} THEN EXCLUDED.status ELSE c.status END,
    status_rank = CASE WHEN ${WINS} THEN EXCLUDED.status_rank ELSE c.status_rank END,
    status_at = CASE WHEN ${WINS} THEN EXCLUDED.status_at ELSE c.status_at END,
    ended_at = CASE WHEN ${WINS} THEN EXCLUDED.ended_at ELSE c.ended_at END,
    error = ${preferWinner("error")},
    end_reason = ${preferWinner("end_reason")},
    ${TIMED_UPDATES},
    started_at = LEAST(c.started_at, EXCLUDED.started_at),
    first_event_at = LEAST(c.first_event_at, EXCLUDED.first_event_at),
    last_event_at = GREATEST(c.last_event_at, EXCLUDED.last_event_at),
    unresolved_at = CASE WHEN ${REVIVES} THEN NULL ELSE c.unresolved_at END,
    unresolved_reason = CASE WHEN ${REVIVES} THEN NULL ELSE c.unresolved_reason END,
    version = nextval('calls_version_seq'),
    updated_at = now()
  RETURNING c.id, c.status, c.call_type, c.line_number, c.line_name, c.customer_number,
    ${isoText("c.started_at")} AS started_at, ${isoText("c.ended_at")} AS ended_at,
    ${isoText("c.first_event_at")} AS first_event_at, ${isoText("c.last_event_at")} AS last_event_at,
    c.error, c.end_reason, c.duration_seconds, c.summary, ${isoText("c.unresolved_at")} AS unresolved_at,
    c.unresolved_reason, c.version`;

export type EventToRecord = { event: FlireoCallEvent; rawPayload: unknown };

/**
 * Stores several events in one statement (one transaction), each folded into its call exactly as if it had come
 * alone. The events must belong to different calls: one INSERT … ON CONFLICT cannot update a row twice. Rows are
 * taken in call-id order so that concurrent statements lock calls in the same order and cannot deadlock.
 * Returns one result per input, in input order.
 *
 * It runs on node-postgres directly (lib/db/client.ts says why), as a prepared statement: this is the statement every
 * webhook waits for.
 */
export async function recordCallEvents(pool: Queryable, items: readonly EventToRecord[]): Promise<RecordResult[]> {
  if (items.length === 0) return [];
  if (new Set(items.map((item) => item.event.callId)).size !== items.length) {
    throw new Error("recordCallEvents takes at most one event per call per statement.");
  }
  // Each row's JSON with its payload's spliced in before the closing brace (a row always has other keys before it).
  const input = `[${items.map((item) => `${JSON.stringify(inputRow(item.event)).slice(0, -1)},"payload":${payloadJson(item.rawPayload)}}`).join(",")}]`;
  const { rows } = await pool.query<CallRow>({ name: "record-call-events", text: RECORD_CALL_EVENTS_SQL, values: [input] });

  const byCall = new Map(rows.map((row) => [row.id, row]));
  return items.map((item): RecordResult => {
    const row = byCall.get(item.event.callId);
    return row ? { outcome: "stored", call: callRowToView(row) } : { outcome: "duplicate" };
  });
}

/** Stores one event and folds it into its call (see recordCallEvents). */
export async function recordCallEvent(pool: Queryable, event: FlireoCallEvent, rawPayload: unknown): Promise<RecordResult> {
  const [result] = await recordCallEvents(pool, [{ event, rawPayload }]);
  if (!result) throw new Error("recordCallEvents returned no result");
  return result;
}
