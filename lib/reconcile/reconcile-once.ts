// One round under the lease, saved, counted and logged: what the scheduler, `npm run flireo -- reconcile` and tests
// run. With several instances, one runs the round and the others skip it; a scheduled round also skips when another
// instance finished one moments ago, so the instances together reconcile about once per interval.
import type pg from "pg";
import type { Metrics } from "@/lib/observability/metrics";
import { runReconcileRound, type ReconcileDeps, type ReconcileSettings, type RoundResult } from "./reconcile-round";
import { readLastRounds, saveRound, withReconcileLease } from "./reconcile-rounds";

export type ReconcileOutcome = { ran: true; round: RoundResult } | { ran: false; reason: string };

export type ReconcileOnceDeps = Omit<ReconcileDeps, "pool"> & { pool: Pick<pg.Pool, "query" | "connect">; metrics?: Metrics };

function count(metrics: Metrics, round: RoundResult): void {
  metrics.reconcileRounds.inc({ outcome: round.complete ? "complete" : "incomplete" });
  for (const kind of ["backfilled", "closed", "updated", "confirmed", "unresolved"] as const) {
    if (round[kind] > 0) metrics.reconcileCalls.inc({ kind }, round[kind]);
  }
  if (round.flireoActive !== null && round.boardLive !== null) {
    metrics.flireoDrift.set(round.flireoActive - round.boardLive);
    if (round.flireoActive !== round.boardLive) metrics.flireoDriftRounds.inc();
  }
}

export async function reconcileOnce(
  deps: ReconcileOnceDeps,
  settings: ReconcileSettings,
  options: { trigger: RoundResult["trigger"]; since?: Date; minGapSeconds?: number },
): Promise<ReconcileOutcome> {
  const outcome = await withReconcileLease(deps.pool, async (): Promise<ReconcileOutcome> => {
    if (options.minGapSeconds) {
      const { lastFinishedAt } = await readLastRounds(deps.pool);
      if (lastFinishedAt && Date.now() - lastFinishedAt.getTime() < options.minGapSeconds * 1000) {
        return { ran: false, reason: `A round finished at ${lastFinishedAt.toISOString()}, moments ago (another instance, or this one).` };
      }
    }
    const round = await runReconcileRound(deps, settings, options);
    await saveRound(deps.pool, round);
    if (deps.metrics) count(deps.metrics, round);
    return { ran: true, round };
  });
  if (outcome) return outcome;
  deps.metrics?.reconcileRounds.inc({ outcome: "skipped" });
  return { ran: false, reason: "Another instance is reconciling with Flireo right now." };
}
