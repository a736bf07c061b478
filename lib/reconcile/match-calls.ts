// Which call here is which of Flireo's. Whether Flireo's REST id equals the webhook's call id is not documented (the
// examples differ), so: Flireo's id remembered on a call first, then the same id, then the same customer number and
// line number with a start within MATCH_WINDOW_SECONDS. A match is remembered (calls.flireo_call_id, unique), so
// one conversation never becomes two calls.
import type { Queryable } from "@/lib/calls/record-call-event";
import type { FlireoCall } from "@/lib/flireo/flireo-calls";

export const MATCH_WINDOW_SECONDS = 10;

/** What the comparison needs of a call here. */
export type LocalCall = {
  id: string;
  flireoCallId: string | null;
  status: string;
  isUnresolved: boolean;
  hasEnd: boolean;
  hasDuration: boolean;
  hasSummary: boolean;
  hasTranscript: boolean;
  hasRecording: boolean;
};

type LocalRow = {
  id: string;
  flireo_call_id: string | null;
  status: string;
  unresolved: boolean;
  has_end: boolean;
  has_duration: boolean;
  has_summary: boolean;
  has_transcript: boolean;
  has_recording: boolean;
};

const LOCAL_COLUMNS = `c.id, c.flireo_call_id, c.status, c.unresolved_at IS NOT NULL AS unresolved, c.ended_at IS NOT NULL AS has_end,
  c.duration_seconds IS NOT NULL AS has_duration, c.summary IS NOT NULL AS has_summary,
  c.transcript IS NOT NULL AS has_transcript, c.recording_url IS NOT NULL AS has_recording`;

const toLocal = (row: LocalRow): LocalCall => ({
  id: row.id,
  flireoCallId: row.flireo_call_id,
  status: row.status,
  isUnresolved: row.unresolved,
  hasEnd: row.has_end,
  hasDuration: row.has_duration,
  hasSummary: row.has_summary,
  hasTranscript: row.has_transcript,
  hasRecording: row.has_recording,
});

/** Digits and a leading +: "+31 6 1234-5678" and "+31612345678" are one number. */
const DIGITS = (column: string) => `regexp_replace(coalesce(${column}, ''), '[^0-9+]', '', 'g')`;
export const normalizeNumber = (value: string | null | undefined): string => (value ?? "").replace(/[^0-9+]/g, "");

export type Matches = {
  /** The call here for each of Flireo's calls, by its index in the page. */
  matched: Map<number, LocalCall>;
  /** Indexes of Flireo's calls whose id a call here holds while tied to another of Flireo's: left alone. */
  blocked: Set<number>;
};

/** The call here for each of Flireo's calls, or none. */
export async function matchCalls(pool: Queryable, calls: readonly FlireoCall[]): Promise<Matches> {
  const matched = new Map<number, LocalCall>();
  const blocked = new Set<number>();
  if (calls.length === 0) return { matched, blocked };
  const ids = calls.map((call) => call.id);
  const { rows } = await pool.query<LocalRow>(`SELECT ${LOCAL_COLUMNS} FROM calls c WHERE c.flireo_call_id = ANY($1::text[]) OR c.id = ANY($1::text[])`, [ids]);
  const byFlireoId = new Map(rows.filter((row) => row.flireo_call_id).map((row) => [row.flireo_call_id, toLocal(row)]));
  const byId = new Map(rows.map((row) => [row.id, toLocal(row)]));
  const unmatched: number[] = [];
  calls.forEach((call, index) => {
    const local = byFlireoId.get(call.id) ?? byId.get(call.id);
    // A call here already tied to another of Flireo's calls is not this one.
    if (local && (local.flireoCallId === null || local.flireoCallId === call.id)) matched.set(index, local);
    else if (local) blocked.add(index);
    else unmatched.push(index);
  });

  const candidates = unmatched.filter((index) => {
    const call = calls[index];
    return call && normalizeNumber(call.caller_phone) !== "" && (call.started_at ?? call.created_at);
  });
  if (candidates.length === 0) return { matched, blocked };
  const { rows: near } = await pool.query<LocalRow & { idx: number }>(
    `SELECT r.idx::int AS idx, m.* FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[]) AS r(idx, customer, line, started)
     CROSS JOIN LATERAL (
       SELECT ${LOCAL_COLUMNS} FROM calls c
       WHERE c.flireo_call_id IS NULL
         AND c.started_at BETWEEN r.started - make_interval(secs => ${MATCH_WINDOW_SECONDS}) AND r.started + make_interval(secs => ${MATCH_WINDOW_SECONDS})
         AND ${DIGITS("c.customer_number")} = r.customer
         AND (r.line = '' OR ${DIGITS("c.line_number")} = r.line)
       ORDER BY abs(extract(epoch FROM c.started_at - r.started)), c.id
       LIMIT 1) m`,
    [
      candidates,
      candidates.map((index) => normalizeNumber(calls[index]?.caller_phone)),
      candidates.map((index) => normalizeNumber(calls[index]?.assistant_phone ?? calls[index]?.phone_number)),
      candidates.map((index) => calls[index]?.started_at ?? calls[index]?.created_at),
    ],
  );
  const taken = new Set([...matched.values()].map((local) => local.id));
  for (const row of near) {
    // Two of Flireo's calls near one here: the first keeps it, the other is not matched by guess.
    if (taken.has(row.id)) continue;
    taken.add(row.id);
    matched.set(row.idx, toLocal(row));
  }
  return { matched, blocked };
}

/** Remembers Flireo's id on the call; false when another call here already holds it (then nothing changes). */
export async function rememberFlireoId(pool: Queryable, callId: string, flireoCallId: string): Promise<boolean> {
  try {
    const { rowCount } = await pool.query(`UPDATE calls SET flireo_call_id = $2 WHERE id = $1 AND flireo_call_id IS NULL`, [callId, flireoCallId]);
    return (rowCount ?? 0) > 0;
  } catch (error) {
    if ((error as { code?: string }).code === "23505") return false;
    throw error;
  }
}
