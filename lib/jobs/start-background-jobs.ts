// The server's periodic housekeeping: marking stale calls, and pruning old events, the webhook delivery log, old
// alerts and idle sign-in rate-limit counters; and the alert worker (lib/alerts/alert-worker.ts).
import { pruneAlerts } from "@/lib/alerts/alert-deliveries";
import { startAlertWorker } from "@/lib/alerts/alert-worker";
import { pruneRateLimits } from "@/lib/auth/prune-rate-limits";
import { pruneCallEvents } from "@/lib/calls/prune-call-events";
import { sweepStaleCalls } from "@/lib/calls/sweep-stale-calls";
import type { PrismaClient } from "@/lib/db/generated/client";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { env } from "@/lib/env";
import { broadcastCallUpdated } from "@/lib/realtime/socket-server";
import { pruneDeliveries } from "@/lib/webhooks/delivery-log";

async function runHousekeeping(prisma: PrismaClient): Promise<void> {
  const marked = await sweepStaleCalls(prisma, { staleMinutes: env.STALE_CALL_MINUTES, onChanged: broadcastCallUpdated });
  if (marked > 0) console.log(`Marked ${marked} call(s) unresolved after ${env.STALE_CALL_MINUTES} min without news.`);
  await pruneDeliveries(prisma, { retentionDays: env.WEBHOOK_DELIVERY_RETENTION_DAYS, maxRows: env.WEBHOOK_DELIVERY_MAX_ROWS });
  await pruneCallEvents(prisma, { retentionDays: env.EVENT_RETENTION_DAYS });
  await pruneAlerts(prisma, { retentionDays: env.ALERT_DELIVERY_RETENTION_DAYS });
  await pruneRateLimits(prisma);
}

/**
 * Runs the housekeeping now and every STALE_SWEEP_INTERVAL_SECONDS, never two runs at once, and the alert worker
 * when given the database URL (it listens for notifications on a connection of its own). Returns a stop.
 */
export function startBackgroundJobs(prisma: PrismaClient, options: { databaseUrl?: string } = {}): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runHousekeeping(prisma)
      .catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) console.warn(`Housekeeping skipped, database unavailable: ${(error as Error).message}`);
        else console.error("Housekeeping failed", error);
      })
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, env.STALE_SWEEP_INTERVAL_SECONDS * 1000);
  timer.unref();
  const alertWorker = options.databaseUrl && env.ALERT_WORKER === "on" ? startAlertWorker(prisma, { databaseUrl: options.databaseUrl }) : null;
  return async () => {
    clearInterval(timer);
    await Promise.all([running, alertWorker?.stop()]);
  };
}
