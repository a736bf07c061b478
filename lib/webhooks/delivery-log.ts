// The webhook delivery log: one row per request to the webhook URL (what came in, what Callboard did, how long
// it took), kept for a bounded time and read by the webhooks page through GET /api/webhooks/deliveries.
//
// Rows are written in batches a moment after the response, not inside the request: the hot path only pushes to
// an in-memory queue. While the database is unreachable the queue is kept (bounded) and written once it is back.
// Refusals before a webhook is read (overload, rate limit) are aggregated under a flood: the first few of each
// window get a row each, the rest one row with their count.
import type pg from "pg";
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import type { Lifecycle } from "@/lib/observability/lifecycle";
import type { Logger } from "@/lib/observability/logger";
import { cleanText } from "./replace-unstorable-characters";
import { DELIVERY_OUTCOMES, type DeliveryCounts, type DeliveryOutcome, type DeliveryView } from "@/lib/shared/webhooks/delivery-view";

export { DELIVERY_OUTCOMES, type DeliveryCounts, type DeliveryOutcome, type DeliveryView };

export type DeliveryRecord = {
  receivedAt: Date;
  eventType: string | null;
  callId: string | null;
  outcome: DeliveryOutcome;
  reason: string | null;
  statusCode: number;
  durationMs: number;
  /** How many webhooks the row stands for (1 unless aggregated). */
  count?: number;
};

export type DeliveryLog = {
  /** Queues one delivery for the log; returns at once. */
  record: (record: DeliveryRecord) => void;
  /** Queues a refusal made before the webhook was read, aggregated under a flood (see REFUSAL_WINDOW_MS). */
  recordRefusal: (statusCode: number, reason: string) => void;
  /** Writes what is queued; resolves once it is stored (the test-event route, server.ts at shutdown). */
  flush: () => Promise<void>;
};

const FLUSH_DELAY_MS = 100;
const FLUSH_BATCH_SIZE = 500;
const RETRY_DELAY_MS = 2_000;
/** While the database is down, keep this many records at most; beyond it the oldest are dropped (and said so). */
const MAX_QUEUED = 20_000;
const MAX_TEXT = 500;
/** Per window, this many refusals of one status get a row each; the rest of the window's one row with their count. */
const REFUSAL_WINDOW_MS = 10_000;
const REFUSALS_LOGGED_SINGLY = 10;

/** At most MAX_TEXT characters, and storable: cutting may split a surrogate pair, and a reason may quote a body. */
function clip(value: string | null): string | null {
  return value === null ? null : cleanText(value.slice(0, MAX_TEXT));
}

// One multi-row insert, with a fixed text that each connection prepares once. The rows travel as one JSON array
// of the queued records as they are (Dates become ISO text), so the driver has one string to send, not seven
// arrays to escape element by element on the event loop that answers webhooks. It runs on node-postgres directly,
// like the webhook's own statement: at 300 webhooks/s the log is written ten times a second, and Prisma's raw-query
// layer cost about 0.85 ms of CPU per write plus 0.009 ms per row.
const INSERT_DELIVERIES_SQL = `
  INSERT INTO webhook_deliveries (received_at, event_type, call_id, outcome, reason, status_code, duration_ms, count)
  SELECT "receivedAt", "eventType", "callId", outcome, reason, "statusCode", "durationMs", COALESCE(count, 1)
  FROM json_to_recordset($1::json) AS t("receivedAt" timestamptz, "eventType" text, "callId" text, outcome text,
    reason text, "statusCode" smallint, "durationMs" double precision, count integer)`;

type Overflow = { count: number; reason: string; timer: ReturnType<typeof setTimeout> };
/** One per refusal status (429, 503, 408): a flood of one kind does not hide the others. */
type RefusalWindow = { statusCode: number; startedAt: number; loggedSingly: number; overflow: Overflow | null };

export function createDeliveryLog(deps: { pool: Pick<pg.Pool, "query">; logger: Logger; lifecycle: Lifecycle }): DeliveryLog {
  const queue: DeliveryRecord[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let flushing: Promise<void> | null = null;
  let droppedSinceLastWarning = 0;
  const refusals = new Map<number, RefusalWindow>();

  const enqueue = (record: DeliveryRecord) => {
    queue.push({ ...record, eventType: clip(record.eventType), callId: clip(record.callId), reason: clip(record.reason) });
    if (queue.length > MAX_QUEUED) {
      droppedSinceLastWarning += queue.length - MAX_QUEUED;
      queue.splice(0, queue.length - MAX_QUEUED);
    }
    scheduleFlush(FLUSH_DELAY_MS);
  };

  const scheduleFlush = (delayMs: number) => {
    if (flushTimer) return;
    flushTimer = setTimeout(() => {
      flushTimer = null;
      // During shutdown server.ts writes what is queued itself, before it closes the database.
      if (!deps.lifecycle.isShuttingDown) void flush();
    }, delayMs);
    flushTimer.unref?.();
  };

  /** The window's aggregated row, if it has one, queued with the count of the refusals it stands for. */
  const closeRefusalWindow = (window: RefusalWindow) => {
    const { overflow, statusCode } = window;
    if (overflow) {
      clearTimeout(overflow.timer);
      const reason = `${overflow.count} more webhook(s) refused like this within ${REFUSAL_WINDOW_MS / 1000} s: ${overflow.reason}`;
      enqueue({ receivedAt: new Date(), eventType: null, callId: null, outcome: "rejected", reason, statusCode, durationMs: 0, count: overflow.count });
    }
    Object.assign(window, { startedAt: Date.now(), loggedSingly: 0, overflow: null });
  };

  const writeQueued = async () => {
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, FLUSH_BATCH_SIZE);
        try {
          await deps.pool.query({ name: "insert-webhook-deliveries", text: INSERT_DELIVERIES_SQL, values: [JSON.stringify(batch)] });
          queue.splice(0, batch.length);
        } catch (error) {
          if (isDatabaseUnavailable(error)) {
            // Kept for the next attempt; the database coming back writes them.
            scheduleFlush(RETRY_DELAY_MS);
            return;
          }
          queue.splice(0, batch.length);
          deps.logger.error({ err: error, rows: batch.length }, "Writing webhook delivery log rows failed; they are dropped");
        }
      }
    } finally {
      if (droppedSinceLastWarning > 0) {
        deps.logger.warn({ dropped: droppedSinceLastWarning }, "The webhook delivery log dropped records while the database was unreachable");
        droppedSinceLastWarning = 0;
      }
    }
  };

  const flush = async () => {
    // A call while a write is under way waits for it, then writes what is left.
    while (flushing) await flushing;
    // An open window's count is written when the window ends, so a flood makes one row per window; at shutdown, now.
    if (deps.lifecycle.isShuttingDown) for (const window of refusals.values()) if (window.overflow) closeRefusalWindow(window);
    if (queue.length === 0) return;
    flushing = writeQueued().finally(() => (flushing = null));
    await flushing;
  };

  return {
    record: enqueue,
    recordRefusal(statusCode, reason) {
      let window = refusals.get(statusCode);
      if (!window) refusals.set(statusCode, (window = { statusCode, startedAt: Date.now(), loggedSingly: 0, overflow: null }));
      if (Date.now() - window.startedAt >= REFUSAL_WINDOW_MS) closeRefusalWindow(window);
      if (window.loggedSingly < REFUSALS_LOGGED_SINGLY) {
        window.loggedSingly += 1;
        enqueue({ receivedAt: new Date(), eventType: null, callId: null, outcome: "rejected", reason, statusCode, durationMs: 0 });
        return;
      }
      // The aggregated row is written when the window ends, even if no refusal follows to close it.
      const open = window;
      open.overflow ??= { count: 0, reason, timer: setTimeout(() => closeRefusalWindow(open), REFUSAL_WINDOW_MS - (Date.now() - open.startedAt)) };
      open.overflow.timer.unref?.();
      open.overflow.count += 1;
    },
    flush,
  };
}

type DeliveryRow = {
  id: bigint;
  receivedAt: Date;
  eventType: string | null;
  callId: string | null;
  outcome: string;
  reason: string | null;
  statusCode: number;
  durationMs: number;
  count: number;
};

function toView(row: DeliveryRow): DeliveryView {
  return {
    id: row.id.toString(),
    receivedAt: row.receivedAt.toISOString(),
    eventType: row.eventType,
    callId: row.callId,
    outcome: row.outcome as DeliveryOutcome,
    reason: row.reason,
    statusCode: row.statusCode,
    durationMs: row.durationMs,
    count: row.count,
  };
}

/** The most recent deliveries first, optionally only those with one outcome. */
export async function listDeliveries(
  prisma: PrismaClient,
  options: { limit: number; outcome?: DeliveryOutcome | null },
): Promise<DeliveryView[]> {
  const rows = await prisma.webhookDelivery.findMany({
    where: options.outcome ? { outcome: options.outcome } : {},
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: options.limit,
  });
  return rows.map(toView);
}

/** How many deliveries had each outcome since `since` (by default the last 24 hours). */
export async function countDeliveriesByOutcome(
  prisma: PrismaClient,
  since: Date = new Date(Date.now() - 24 * 60 * 60 * 1000),
): Promise<DeliveryCounts> {
  const groups = await prisma.webhookDelivery.groupBy({
    by: ["outcome"],
    where: { receivedAt: { gte: since } },
    _sum: { count: true },
  });
  const counts: DeliveryCounts = { stored: 0, duplicate: 0, ignored: 0, rejected: 0 };
  for (const group of groups) {
    if ((DELIVERY_OUTCOMES as readonly string[]).includes(group.outcome)) {
      counts[group.outcome as DeliveryOutcome] = group._sum.count ?? 0;
    }
  }
  return counts;
}

/**
 * Keeps the log bounded: deletes rows older than `retentionDays` and beyond the newest `maxRows`, in batches of
 * `batchSize` so no single statement holds locks for long. Returns how many rows went.
 */
export async function pruneDeliveries(
  prisma: PrismaClient,
  options: { retentionDays: number; maxRows: number; batchSize?: number; maxBatches?: number },
): Promise<number> {
  const batchSize = options.batchSize ?? 1_000;
  const maxBatches = options.maxBatches ?? 50;
  const cutoff = new Date(Date.now() - options.retentionDays * 24 * 60 * 60 * 1000);
  const [boundary] = await prisma.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM webhook_deliveries ORDER BY id DESC OFFSET ${options.maxRows} LIMIT 1`;
  const keepAbove = boundary?.id ?? null;

  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const tooMany = keepAbove === null ? Prisma.sql`FALSE` : Prisma.sql`id <= ${keepAbove}`;
    const count = await prisma.$executeRaw`
      DELETE FROM webhook_deliveries WHERE id IN (
        SELECT id FROM webhook_deliveries WHERE received_at < ${cutoff} OR ${tooMany}
        ORDER BY id LIMIT ${batchSize})`;
    deleted += count;
    if (count < batchSize) break;
  }
  return deleted;
}
