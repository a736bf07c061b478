// The alert worker, one per Callboard instance. It wakes on NOTIFY callboard_alerts (sent by the calls trigger
// when a call ends with an error, delivered at commit) and at least every POLL_MS, and then: evaluates the
// outbox, raises due summaries, and sends due deliveries, a few at a time. Sending runs beside evaluation, so a
// slow receiver holds up only its own slot (for at most ALERT_TIMEOUT_SECONDS). Ingestion never waits on any of
// this: its only part is the trigger's insert into the outbox.
import pg from "pg";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { claimDueDeliveries, findDueAlertWork, loadClaimedDeliveries, sendClaimedDelivery, type AlertServices } from "./alert-deliveries";
import { evaluatePendingErrors, sendDueSummaries } from "./evaluate-alert-errors";

const CHANNEL = "callboard_alerts";
const POLL_MS = 1_000;
const RELISTEN_MS = 5_000;
const MAX_CONCURRENT_SENDS = 8;
const COALESCE_MS = 25;
/** Evaluations woken by errors start at least this long after the previous one began, each taking all since. */
const MIN_EVALUATION_GAP_MS = 250;

export type AlertWorker = { stop: () => Promise<void>; wake: () => void };

export function startAlertWorker(services: AlertServices, options: { databaseUrl: string }): AlertWorker {
  const { prisma, logger, lifecycle } = services;
  const logFailure = (what: string, error: unknown): void => {
    if (lifecycle.isShuttingDown) return;
    if (isDatabaseUnavailable(error)) logger.warn({ err: (error as Error).message }, `${what} skipped: database unavailable`);
    else logger.error({ err: error }, `${what} failed`);
  };
  let isStopped = false;
  let evaluating: Promise<void> | null = null;
  let isEvaluationRequested = false;
  let isPumping = false;
  const sending = new Set<Promise<void>>();

  /** Starts sends until MAX_CONCURRENT_SENDS are in flight or nothing is due. */
  const pumpDeliveries = async (): Promise<void> => {
    if (isPumping || isStopped) return;
    isPumping = true;
    try {
      while (!isStopped && sending.size < MAX_CONCURRENT_SENDS) {
        const ids = await claimDueDeliveries(prisma, MAX_CONCURRENT_SENDS - sending.size);
        if (ids.length === 0) break;
        for (const delivery of await loadClaimedDeliveries(prisma, ids)) {
          const send: Promise<void> = sendClaimedDelivery(services, delivery)
            .then((outcome) => {
              if (outcome.state === "sent") return;
              logger.warn({ deliveryId: delivery.id.toString(), state: outcome.state, error: outcome.error }, "alert delivery attempt failed");
              // Retries shorter than the poll interval happen on time rather than at the next poll.
              if (outcome.retryInMs !== undefined && outcome.retryInMs < POLL_MS) setTimeout(evaluate, outcome.retryInMs + 10).unref();
            })
            .catch((error: unknown) => logFailure("Sending an alert", error))
            .finally(() => {
              sending.delete(send);
              void pumpDeliveries();
            });
          sending.add(send);
        }
      }
    } catch (error) {
      logFailure("Claiming alert deliveries", error);
    } finally {
      isPumping = false;
    }
  };

  let lastEvaluationAt = Number.NEGATIVE_INFINITY;
  const evaluate = (): void => {
    if (isStopped) return;
    if (evaluating) {
      isEvaluationRequested = true;
      return;
    }
    lastEvaluationAt = performance.now();
    evaluating = (async () => {
      try {
        const due = await findDueAlertWork(prisma);
        if (due.hasPendingErrors) await evaluatePendingErrors(prisma);
        if (due.hasDueSummaries) await sendDueSummaries(prisma);
        // New errors may have made deliveries; claiming finds none cheaply when there are none.
        if (due.hasPendingErrors || due.hasDueSummaries || due.hasDueDeliveries) await pumpDeliveries();
      } catch (error) {
        logFailure("Evaluating alert rules", error);
      }
    })().finally(() => {
      evaluating = null;
      if (isEvaluationRequested) {
        isEvaluationRequested = false;
        evaluateSoon();
      }
    });
  };

  // Errors come in bursts: one evaluation a moment after the first notification takes the whole burst in one
  // transaction, instead of one per error, and costs the alert a few milliseconds. While errors keep coming,
  // the evaluations they wake are spaced MIN_EVALUATION_GAP_MS apart (the once-a-second poll is not): back to back,
  // each of a handful of errors, they took several percent of the CPU that answers webhooks.
  let soonTimer: ReturnType<typeof setTimeout> | null = null;
  const evaluateSoon = (): void => {
    if (soonTimer || isStopped) return;
    const delay = Math.max(COALESCE_MS, lastEvaluationAt + MIN_EVALUATION_GAP_MS - performance.now());
    soonTimer = setTimeout(() => {
      soonTimer = null;
      evaluate();
    }, delay);
  };

  // LISTEN on a connection of its own (a pooled one may be handed to someone else between queries).
  let listener: pg.Client | null = null;
  let relistenTimer: ReturnType<typeof setTimeout> | null = null;
  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    client.on("notification", () => evaluateSoon());
    client.on("error", (error) => {
      if (!lifecycle.isShuttingDown) logger.warn({ err: error.message }, "alert worker lost its LISTEN connection; polling until it is back");
      void client.end().catch(() => {});
      if (listener === client) listener = null;
      scheduleRelisten();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (isStopped) {
        await client.end();
        return;
      }
      listener = client;
      evaluate();
    } catch (error) {
      await client.end().catch(() => {});
      logFailure("Listening for alert notifications", error);
      scheduleRelisten();
    }
  };
  const scheduleRelisten = (): void => {
    if (isStopped || relistenTimer) return;
    relistenTimer = setTimeout(() => {
      relistenTimer = null;
      void listen();
    }, RELISTEN_MS);
    relistenTimer.unref();
  };

  void listen();
  const poll = setInterval(evaluate, POLL_MS);
  poll.unref();
  evaluate();

  return {
    wake: evaluate,
    stop: async () => {
      isStopped = true;
      clearInterval(poll);
      if (relistenTimer) clearTimeout(relistenTimer);
      if (soonTimer) clearTimeout(soonTimer);
      await listener?.end().catch(() => {});
      // Sends in flight finish (each within ALERT_TIMEOUT_SECONDS); what is left pending is sent by the next start.
      await evaluating;
      await Promise.allSettled([...sending]);
    },
  };
}
