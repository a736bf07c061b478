// Checks the board against Flireo's API on start and then every FLIREO_RECONCILE_SECONDS (0: never), when a Flireo
// API key is configured. One round at a time; after a round that could not finish, the next waits longer (up to
// eight intervals), so an outage at Flireo is not met with a request storm. Ingestion never waits for it.
import type { AppContext } from "@/lib/context/app-context";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { getFlireoClient } from "@/lib/flireo/flireo-api-key";
import { ApiError } from "@/lib/http/api-error";
import { reconcileOnce } from "@/lib/reconcile/reconcile-once";
import type { ReconcileSettings } from "@/lib/reconcile/reconcile-round";
import type { RoundRecord } from "@/lib/reconcile/reconcile-rounds";
import { describeRound } from "@/lib/shared/flireo/reconcile-view";

export type ReconcilerContext = Pick<AppContext, "env" | "prisma" | "database" | "calls" | "logger" | "metrics" | "secretBox" | "flireoBudget">;

export function reconcileSettingsFromEnv(env: AppContext["env"]): ReconcileSettings {
  return { silentMinutes: env.FLIREO_CHECK_SILENT_MINUTES, staleMinutes: env.STALE_CALL_MINUTES };
}

async function runRound(context: ReconcilerContext, trigger: RoundRecord["trigger"]): Promise<boolean> {
  const { env, logger } = context;
  let client;
  try {
    client = await getFlireoClient(context.prisma, context.secretBox, context.flireoBudget, "reconcile");
  } catch (error) {
    // No API key: nothing to check against (the webhooks page says how to add one).
    if (error instanceof ApiError) return true;
    throw error;
  }
  const outcome = await reconcileOnce(
    {
      pool: context.database.pool,
      calls: context.calls,
      client,
      metrics: context.metrics,
      onCallError: (error, call) => logger.warn({ err: (error as Error).message, flireoCallId: call.id }, "Could not store a call from Flireo's API"),
    },
    reconcileSettingsFromEnv(env),
    { trigger, minGapSeconds: trigger === "schedule" ? env.FLIREO_RECONCILE_SECONDS / 2 : undefined },
  );
  if (!outcome.ran) return true;
  const { round } = outcome;
  const log = round.error ? logger.warn.bind(logger) : logger.info.bind(logger);
  log({ complete: round.complete, error: round.error }, `Checked against Flireo: ${describeRound({ ...round, id: "", startedAt: "", finishedAt: "", since: "", until: "" })}`);
  return round.complete && round.error === null;
}

/** Starts the rounds; returns a stop. */
export function startReconciler(context: ReconcilerContext): () => Promise<void> {
  const intervalMs = context.env.FLIREO_RECONCILE_SECONDS * 1000;
  if (intervalMs === 0) return async () => {};
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let isStopped = false;

  const tick = (trigger: RoundRecord["trigger"]) => {
    running = runRound(context, trigger)
      .then((isClean) => void (failures = isClean ? 0 : failures + 1))
      .catch((error: unknown) => {
        failures++;
        if (isDatabaseUnavailable(error)) context.logger.warn({ err: (error as Error).message }, "Reconciliation skipped, database unavailable");
        else context.logger.error({ err: error }, "Reconciliation with Flireo failed");
      })
      .finally(() => {
        running = null;
        if (isStopped) return;
        timer = setTimeout(() => tick("schedule"), intervalMs * 2 ** Math.min(failures, 3));
        timer.unref();
      });
  };
  tick("start");
  return async () => {
    isStopped = true;
    if (timer) clearTimeout(timer);
    // A round waiting for Flireo is not waited for long: what it did is committed, the rest is next start's.
    await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  };
}
