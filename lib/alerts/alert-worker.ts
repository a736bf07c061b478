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

/** What each part of a running worker shares: the services it works with, whether it has stopped, how it logs a failure. */
type Running = { services: AlertServices; isStopped: () => boolean; logFailure: (what: string, error: unknown) => void };

function failureLogger({ logger, lifecycle }: AlertServices): Running["logFailure"] {
  return (what, error) => {
    if (lifecycle.isShuttingDown) return;
    if (isDatabaseUnavailable(error)) logger.warn({ err: (error as Error).message }, `${what} skipped: database unavailable`);
    else logger.error({ err: error }, `${what} failed`);
  };
}

/** Sends due deliveries, at most MAX_CONCURRENT_SENDS at a time; `retrySoon` is told of a retry due before the next poll. */
function createDeliverySender({ services, isStopped, logFailure }: Running, retrySoon: (delayMs: number) => void) {
  const { prisma, logger } = services;
  const sending = new Set<Promise<void>>();
  let isPumping = false;

  const send = (delivery: Awaited<ReturnType<typeof loadClaimedDeliveries>>[number]): void => {
    const sent: Promise<void> = sendClaimedDelivery(services, delivery)
      .then((outcome) => {
        if (outcome.state === "sent") return;
        logger.warn({ deliveryId: delivery.id.toString(), state: outcome.state, error: outcome.error }, "alert delivery attempt failed");
        // Retries shorter than the poll interval happen on time rather than at the next poll.
        if (outcome.retryInMs !== undefined && outcome.retryInMs < POLL_MS) retrySoon(outcome.retryInMs + 10);
      })
      .catch((error: unknown) => logFailure("Sending an alert", error))
      .finally(() => {
        sending.delete(sent);
        void pump();
      });
    sending.add(sent);
  };

  /** Starts sends until MAX_CONCURRENT_SENDS are in flight or nothing is due. */
  const pump = async (): Promise<void> => {
    if (isPumping || isStopped()) return;
    isPumping = true;
    try {
      while (!isStopped() && sending.size < MAX_CONCURRENT_SENDS) {
        const ids = await claimDueDeliveries(prisma, MAX_CONCURRENT_SENDS - sending.size);
        if (ids.length === 0) break;
        for (const delivery of await loadClaimedDeliveries(prisma, ids)) send(delivery);
      }
    } catch (error) {
      logFailure("Claiming alert deliveries", error);
    } finally {
      isPumping = false;
    }
  };

  const whenIdle = async (): Promise<void> => {
    await Promise.allSettled([...sending]);
  };

  return { pump, whenIdle };
}

/**
 * Runs one evaluation at a time: `run` starts one now (or right after the one running), `runSoon` one a moment
 * later. Errors come in bursts: one evaluation a moment after the first notification takes the whole burst in one
 * transaction, instead of one per error, and costs the alert a few milliseconds. While errors keep coming, the
 * evaluations they wake are spaced MIN_EVALUATION_GAP_MS apart (the once-a-second poll is not): back to back, each
 * of a handful of errors, they took several percent of the CPU that answers webhooks.
 */
function createEvaluator({ services: { prisma }, isStopped, logFailure }: Running, pumpDeliveries: () => Promise<void>) {
  let evaluating: Promise<void> | null = null;
  let isEvaluationRequested = false;
  let lastEvaluationAt = Number.NEGATIVE_INFINITY;
  let soonTimer: ReturnType<typeof setTimeout> | null = null;

  const evaluateOnce = async (): Promise<void> => {
    try {
      const due = await findDueAlertWork(prisma);
      if (due.hasPendingErrors) await evaluatePendingErrors(prisma);
      if (due.hasDueSummaries) await sendDueSummaries(prisma);
      // New errors may have made deliveries; claiming finds none cheaply when there are none.
      if (due.hasPendingErrors || due.hasDueSummaries || due.hasDueDeliveries) await pumpDeliveries();
    } catch (error) {
      logFailure("Evaluating alert rules", error);
    }
  };

  const run = (): void => {
    if (isStopped()) return;
    if (evaluating) {
      isEvaluationRequested = true;
      return;
    }
    lastEvaluationAt = performance.now();
    evaluating = evaluateOnce().finally(() => {
      evaluating = null;
      if (isEvaluationRequested) {
        isEvaluationRequested = false;
        runSoon();
      }
    });
  };

  const runSoon = (): void => {
    if (soonTimer || isStopped()) return;
    const delay = Math.max(COALESCE_MS, lastEvaluationAt + MIN_EVALUATION_GAP_MS - performance.now());
    soonTimer = setTimeout(() => {
      soonTimer = null;
      run();
    }, delay);
  };

  const cancelSoon = (): void => {
    if (soonTimer) clearTimeout(soonTimer);
  };

  const whenIdle = async (): Promise<void> => {
    await evaluating;
  };

  return { run, runSoon, cancelSoon, whenIdle };
}

/**
 * LISTENs for the calls trigger's notifications on a connection of its own (a pooled one may be handed to someone
 * else between queries), and listens again RELISTEN_MS after losing it; meanwhile the poll carries on.
 */
function createNotificationListener(databaseUrl: string, { services, isStopped, logFailure }: Running, handlers: { onNotification: () => void; onListening: () => void }) {
  const { logger, lifecycle } = services;
  let listener: pg.Client | null = null;
  let relistenTimer: ReturnType<typeof setTimeout> | null = null;

  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("notification", () => handlers.onNotification());
    client.on("error", (error) => {
      if (!lifecycle.isShuttingDown) logger.warn({ err: error.message }, "alert worker lost its LISTEN connection; polling until it is back");
      void client.end().catch(() => {});
      if (listener === client) listener = null;
      scheduleRelisten();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (isStopped()) {
        await client.end();
        return;
      }
      listener = client;
      handlers.onListening();
    } catch (error) {
      await client.end().catch(() => {});
      logFailure("Listening for alert notifications", error);
      scheduleRelisten();
    }
  };

  const scheduleRelisten = (): void => {
    if (isStopped() || relistenTimer) return;
    relistenTimer = setTimeout(() => {
      relistenTimer = null;
      void listen();
    }, RELISTEN_MS);
    relistenTimer.unref();
  };

  const stop = async (): Promise<void> => {
    if (relistenTimer) clearTimeout(relistenTimer);
    await listener?.end().catch(() => {});
  };

  return { listen, stop };
}

export function startAlertWorker(services: AlertServices, options: { databaseUrl: string }): AlertWorker {
  let isStopped = false;
  const running: Running = { services, isStopped: () => isStopped, logFailure: failureLogger(services) };
  const sender = createDeliverySender(running, (delayMs) => setTimeout(evaluator.run, delayMs).unref());
  const evaluator = createEvaluator(running, sender.pump);
  const listener = createNotificationListener(options.databaseUrl, running, { onNotification: evaluator.runSoon, onListening: evaluator.run });

  void listener.listen();
  const poll = setInterval(evaluator.run, POLL_MS);
  poll.unref();
  evaluator.run();

  return {
    wake: evaluator.run,
    stop: async () => {
      isStopped = true;
      clearInterval(poll);
      evaluator.cancelSoon();
      await listener.stop();
      // Sends in flight finish (each within ALERT_TIMEOUT_SECONDS); what is left pending is sent by the next start.
      await evaluator.whenIdle();
      await sender.whenIdle();
    },
  };
}
