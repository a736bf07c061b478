// The server's periodic housekeeping: marking stale calls, and pruning old events, the webhook delivery log, old
// alerts and idle sign-in rate-limit counters; the alert worker (lib/alerts/alert-worker.ts); and checking the board
// against Flireo's API (start-reconciler.ts).
import { pruneAlerts } from "@/lib/alerts/alert-deliveries";
import { startAlertWorker } from "@/lib/alerts/alert-worker";
import { pruneRateLimits } from "@/lib/auth/prune-rate-limits";
import { pruneCallEvents } from "@/lib/calls/prune-call-events";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { pruneSharedRateLimits } from "@/lib/http/rate-limit-stores";
import type { AppContext } from "@/lib/context/app-context";
import { pruneDeliveries } from "@/lib/webhooks/delivery-log";
import { startReconciler, type ReconcilerContext } from "./start-reconciler";

type JobContext = Pick<AppContext, "env" | "prisma" | "database" | "calls" | "logger" | "alerts"> & ReconcilerContext;

async function runHousekeeping({ env, prisma, database, calls, logger }: JobContext): Promise<void> {
  // lib/calls announces the calls it marks, like any other change.
  const marked = await calls.sweepStale(env.STALE_CALL_MINUTES);
  if (marked > 0) logger.info({ marked, staleMinutes: env.STALE_CALL_MINUTES }, "Marked calls unresolved after no news");
  await pruneDeliveries(prisma, { retentionDays: env.WEBHOOK_DELIVERY_RETENTION_DAYS, maxRows: env.WEBHOOK_DELIVERY_MAX_ROWS });
  await pruneCallEvents(prisma, { retentionDays: env.EVENT_RETENTION_DAYS });
  await pruneAlerts(prisma, { retentionDays: env.ALERT_DELIVERY_RETENTION_DAYS });
  await pruneRateLimits(prisma);
  await pruneSharedRateLimits(database.pool);
}

/**
 * Runs the housekeeping now and every STALE_SWEEP_INTERVAL_SECONDS, never two runs at once, and the alert worker
 * (it listens for notifications on a connection of its own to `databaseUrl`). Returns a stop.
 */
export function startBackgroundJobs(context: JobContext, options: { databaseUrl: string }): () => Promise<void> {
  const { env, logger } = context;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runHousekeeping(context)
      .catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) logger.warn({ err: (error as Error).message }, "Housekeeping skipped, database unavailable");
        else logger.error({ err: error }, "Housekeeping failed");
      })
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, env.STALE_SWEEP_INTERVAL_SECONDS * 1000);
  timer.unref();
  const alertWorker = env.ALERT_WORKER === "on" ? startAlertWorker(context.alerts, { databaseUrl: options.databaseUrl }) : null;
  const stopReconciler = startReconciler(context);
  return async () => {
    clearInterval(timer);
    await Promise.all([running, alertWorker?.stop(), stopReconciler()]);
  };
}
