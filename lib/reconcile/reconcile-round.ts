// One round of checking the board against Flireo's REST API (../shared/flireo/webhooks.md §6.3): list every call
// Flireo has had since the last complete round (with an overlap), page by page, and bring the board up to date;
// ask about live calls that went quiet; compare Flireo's count of calls in progress with the board's. Every request
// takes its slot from the reconcile lane of the one budget; a 5xx, a timeout or a dropped connection is retried
// twice with a pause, and whatever Flireo answers wrong (an error, a body of the wrong shape, a page that repeats)
// ends the listing with the reason in words, changes no call, and leaves the rest for the next round.
import type { CallRecorder } from "@/lib/calls/call-recorder";
import type { Queryable } from "@/lib/calls/record-call-event";
import { FlireoApiError, type FlireoClient } from "@/lib/flireo/flireo-client";
import { getActiveCallCount, listCallsPage, MAX_PAGE_SIZE } from "@/lib/flireo/flireo-calls";
import { applyFlireoCalls, emptyApplyCounts, type ApplyCounts, type ApplyDeps } from "./apply-flireo-calls";
import { checkSilentCalls } from "./check-silent-calls";
import { readLastRounds, type RoundRecord } from "./reconcile-rounds";

export type ReconcileSettings = {
  silentMinutes: number;
  staleMinutes: number;
  pageSize?: number;
  /** Pages one round lists at most; a longer backlog is finished by the next rounds. */
  maxPages?: number;
  /** Silent calls one round asks about at most. */
  silentLimit?: number;
  /** How far back the very first round looks. */
  firstLookbackHours?: number;
  /** How far each round reaches back before the last one's end: calls that were late to be listed are caught. */
  overlapSeconds?: number;
  retryDelaysMs?: readonly number[];
};

export type ReconcileDeps = {
  pool: Queryable;
  calls: CallRecorder;
  client: FlireoClient;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  onCallError?: ApplyDeps["onError"];
};

export type RoundResult = RoundRecord & { notes: string[] };

class StopListing extends Error {}

const isRetryable = (error: unknown) =>
  error instanceof FlireoApiError && !error.isBudgetExhausted && (error.status === null || error.status === 429 || error.status >= 500);

async function withRetry<T>(work: () => Promise<T>, delays: readonly number[], sleep: (ms: number) => Promise<void>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !isRetryable(error)) throw error;
      // A 429 has already paused the key in the budget: the retry waits there for as long as Flireo asked.
      await sleep(delay);
    }
  }
}

type Listing = { since: Date; until: Date; offset: number };

/**
 * Lists since..until page by page from `listing.offset` and applies each page, moving the offset on as it goes; true
 * when every call was listed. The window's end is fixed, so what it holds does not shift under the offsets.
 */
async function backfill(
  deps: Required<Pick<ReconcileDeps, "now" | "sleep">> & ReconcileDeps,
  settings: ReconcileSettings,
  listing: Listing,
  counts: ApplyCounts & { listed: number; malformed: number },
): Promise<boolean> {
  const pageSize = Math.min(settings.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const window = { since: listing.since, until: listing.until };
  let previous = "";
  for (let page = 0; page < (settings.maxPages ?? 50); page++) {
    const offset = listing.offset;
    const result = await withRetry(() => listCallsPage(deps.client, { startDate: window.since, endDate: window.until, limit: pageSize, offset }), settings.retryDelaysMs ?? [1_000, 3_000], deps.sleep);
    const ids = result.calls.map((call) => call.id).join("\n");
    if (ids !== "" && ids === previous) {
      throw new StopListing(`Flireo answered the same page of calls for offset ${offset} as for the one before; listing stopped there, so no call is counted twice. The rest is tried next round.`);
    }
    previous = ids;
    counts.listed += result.calls.length;
    counts.malformed += result.malformed;
    await applyFlireoCalls({ pool: deps.pool, calls: deps.calls, now: deps.now, onError: deps.onCallError }, result.calls, counts);
    const received = result.calls.length + result.malformed;
    listing.offset += received;
    if (received === 0 || listing.offset >= result.total) return true;
  }
  return false;
}

async function countBoardLive(pool: Queryable): Promise<number> {
  const { rows } = await pool.query<{ live: number }>(`SELECT count(*)::int AS live FROM calls WHERE status = 'in-progress' AND unresolved_at IS NULL`);
  return rows[0]?.live ?? 0;
}

function describeError(error: unknown): string {
  if (error instanceof FlireoApiError || error instanceof StopListing) return error.message;
  return `Callboard could not finish the round: ${(error as Error).message ?? String(error)}`;
}

function notesOf(counts: ApplyCounts & { malformed: number }): string[] {
  const notes: string[] = [];
  if (counts.malformed > 0) notes.push(`${counts.malformed} of Flireo's calls had an unexpected shape and were left alone.`);
  if (counts.unknownStatus > 0) notes.push(`${counts.unknownStatus} of Flireo's calls had a status Callboard does not know and no end time; left as they are.`);
  if (counts.conflicts > 0) notes.push(`${counts.conflicts} of Flireo's calls have an id a different call here holds; left alone.`);
  if (counts.failed > 0) notes.push(`${counts.failed} calls could not be stored; they are tried again next round.`);
  return notes;
}

/** Given a start, from there to now; else the listing the last round left unfinished; else on from the last complete one. */
async function chooseListing(pool: Queryable, settings: ReconcileSettings, since: Date | undefined, now: Date): Promise<Listing> {
  if (since) return { since, until: now, offset: 0 };
  const { lastCompleteUntil, resume } = await readLastRounds(pool);
  if (resume) return { ...resume };
  const overlapMs = (settings.overlapSeconds ?? 300) * 1000;
  const from = lastCompleteUntil ? lastCompleteUntil.getTime() - overlapMs : now.getTime() - (settings.firstLookbackHours ?? 24) * 3_600_000;
  return { since: new Date(from), until: now, offset: 0 };
}

export async function runReconcileRound(
  baseDeps: ReconcileDeps,
  settings: ReconcileSettings,
  options: { trigger: RoundRecord["trigger"]; since?: Date },
): Promise<RoundResult> {
  let requests = 0;
  const client: FlireoClient = { ...baseDeps.client, request: (...args) => (requests++, baseDeps.client.request(...args)) };
  const deps = { now: () => new Date(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)), ...baseDeps, client };
  const startedAt = deps.now();
  const listing = await chooseListing(deps.pool, settings, options.since, startedAt);
  const counts = { ...emptyApplyCounts(), listed: 0, malformed: 0 };
  const errors: string[] = [];
  let complete = false;
  try {
    complete = await backfill(deps, settings, listing, counts);
    if (!complete) errors.push(`More calls than one round lists; the rest follow in the next rounds.`);
  } catch (error) {
    errors.push(describeError(error));
  }
  try {
    const silentMinutes = Math.min(settings.silentMinutes, settings.staleMinutes * 0.9);
    await checkSilentCalls(deps, { silentMinutes, limit: settings.silentLimit ?? 20 }, counts);
  } catch (error) {
    errors.push(describeError(error));
  }
  let flireoActive: number | null = null;
  let boardLive: number | null = null;
  try {
    flireoActive = await withRetry(() => getActiveCallCount(client), settings.retryDelaysMs ?? [1_000], deps.sleep);
    boardLive = await countBoardLive(deps.pool);
  } catch (error) {
    errors.push(describeError(error));
  }
  const notes = notesOf(counts);
  return {
    trigger: options.trigger,
    startedAt,
    finishedAt: deps.now(),
    since: listing.since,
    until: listing.until,
    complete,
    nextOffset: complete ? null : listing.offset,
    listed: counts.listed,
    backfilled: counts.backfilled,
    closed: counts.closed,
    updated: counts.updated,
    confirmed: counts.confirmed,
    unresolved: counts.unresolved,
    requests,
    flireoActive,
    boardLive,
    error: [...errors, ...notes].join(" ") || null,
    notes,
  };
}
