// Alert deliveries: one row per alert and destination, claimed by a sender with a lease (so two Callboard
// instances never send the same row), sent, and then marked sent, retried later with exponential backoff, or
// failed with the reason. Also the delivery log the alerts page shows, and its retention.
import type { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { Lifecycle } from "@/lib/observability/lifecycle";
import type { Logger } from "@/lib/observability/logger";
import type { Metrics } from "@/lib/observability/metrics";
import { isUndecryptableSecretError, type SecretBox } from "@/lib/secrets/secret-box";
import { alertCallId, type AlertContent } from "./alert-content";
import type { AlertDeliveriesResponse, AlertDeliveryState, AlertDeliveryView, AlertKind, DestinationKind, TestAlertResult } from "@/lib/shared/alerts/alert-view";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/shared/i18n/locales";
import { failureWords, gaveUpReason, sendAlert, undeliverable, type AlertTarget, type FailureWords, type SendOutcome, type SmtpTransports } from "./send-alert";

/** What sending alerts needs from the application context. */
export type AlertServices = { prisma: PrismaClient; metrics: Metrics; smtp: SmtpTransports; logger: Logger; lifecycle: Lifecycle; secretBox: SecretBox };

const MAX_RETRY_DELAY_SECONDS = 3_600;
const MAX_ERROR_TEXT = 500;

/** A claimed row stays with its sender this long: more than any request may take, so a crash only delays it. */
export function leaseSeconds(): number {
  return env.ALERT_TIMEOUT_SECONDS + 30;
}

/** Exponential backoff after the n-th failed attempt: base, 2×base, 4×base… capped at an hour, with 0–20 % jitter. */
export function retryDelaySeconds(failedAttempts: number, baseSeconds: number, random: () => number = Math.random): number {
  const delay = Math.min(baseSeconds * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_DELAY_SECONDS);
  return delay * (1 + 0.2 * random());
}

/**
 * Takes up to `limit` deliveries that are due, for this sender alone: SKIP LOCKED passes over rows another
 * instance is claiming right now, and the lease (locked_until) keeps them from everyone until it is sent or
 * recorded. The attempt is counted here, so a sender that dies mid-send still uses up an attempt.
 */
export async function claimDueDeliveries(prisma: PrismaClient, limit: number): Promise<bigint[]> {
  const rows = await prisma.$queryRaw<{ id: bigint }[]>`
    UPDATE alert_deliveries d
    SET attempts = d.attempts + 1, locked_until = clock_timestamp() + make_interval(secs => ${leaseSeconds()}::double precision), updated_at = clock_timestamp()
    WHERE d.id IN (
      SELECT id FROM alert_deliveries
      WHERE state = 'pending' AND next_attempt_at <= clock_timestamp() AND (locked_until IS NULL OR locked_until < clock_timestamp())
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING d.id`;
  return rows.map((row) => row.id);
}

export type DueAlertWork = { hasPendingErrors: boolean; hasDueSummaries: boolean; hasDueDeliveries: boolean };

/** What the worker has to do now, in one cheap query (partial indexes cover the pending rows), for idle polls. */
export async function findDueAlertWork(prisma: PrismaClient): Promise<DueAlertWork> {
  const [row] = await prisma.$queryRaw<DueAlertWork[]>`
    SELECT
      EXISTS (SELECT 1 FROM alert_errors WHERE processed_at IS NULL) AS "hasPendingErrors",
      EXISTS (SELECT 1 FROM alert_rules WHERE is_enabled AND suppressed_count > 0
        AND (cooldown_until IS NULL OR cooldown_until <= clock_timestamp())) AS "hasDueSummaries",
      EXISTS (SELECT 1 FROM alert_deliveries WHERE state = 'pending' AND next_attempt_at <= clock_timestamp()
        AND (locked_until IS NULL OR locked_until < clock_timestamp())) AS "hasDueDeliveries"`;
  return row ?? { hasPendingErrors: false, hasDueSummaries: false, hasDueDeliveries: false };
}

type DeliveryOutcome = { state: "sent" | "failed" | "pending"; status: number | null; error: string | null; retryInMs?: number };

async function recordOutcome(
  { prisma, metrics }: AlertServices,
  delivery: { id: bigint; attempts: number; destinationKind: string },
  outcome: SendOutcome,
  maxAttempts: number,
  t: FailureWords,
): Promise<DeliveryOutcome> {
  if (outcome.isSent) {
    await prisma.$executeRaw`
      UPDATE alert_deliveries SET state = 'sent', sent_at = clock_timestamp(), last_status = ${outcome.status}, last_error = NULL,
        locked_until = NULL, updated_at = clock_timestamp()
      WHERE id = ${delivery.id} AND state = 'pending'`;
    metrics.alertsSent.inc({ destination: delivery.destinationKind });
    return { state: "sent", status: outcome.status, error: null };
  }
  metrics.alertAttemptsFailed.inc({ destination: delivery.destinationKind });
  const error = outcome.error.slice(0, MAX_ERROR_TEXT);
  if (outcome.isRetryable && delivery.attempts < maxAttempts) {
    const delay = retryDelaySeconds(delivery.attempts, env.ALERT_RETRY_BASE_SECONDS);
    await prisma.$executeRaw`
      UPDATE alert_deliveries SET next_attempt_at = clock_timestamp() + make_interval(secs => ${delay}::double precision), last_status = ${outcome.status},
        last_error = ${error}, locked_until = NULL, updated_at = clock_timestamp()
      WHERE id = ${delivery.id} AND state = 'pending'`;
    return { state: "pending", status: outcome.status, error, retryInMs: delay * 1000 };
  }
  const reason = outcome.isRetryable && delivery.attempts > 1 ? gaveUpReason(error, delivery.attempts, t) : error;
  await prisma.$executeRaw`
    UPDATE alert_deliveries SET state = 'failed', last_status = ${outcome.status}, last_error = ${reason.slice(0, MAX_ERROR_TEXT)},
      locked_until = NULL, updated_at = clock_timestamp()
    WHERE id = ${delivery.id} AND state = 'pending'`;
  metrics.alertsFailed.inc({ destination: delivery.destinationKind });
  return { state: "failed", status: outcome.status, error: reason };
}

/** What sending a claimed delivery needs, for a batch of ids in one round of queries. */
export async function loadClaimedDeliveries(prisma: PrismaClient, ids: bigint[]) {
  return prisma.alertDelivery.findMany({ where: { id: { in: ids } }, include: { alert: true, destination: true } });
}

export type ClaimedDelivery = Awaited<ReturnType<typeof loadClaimedDeliveries>>[number];

/** Where a destination sends, its URL and secret decrypted (lib/secrets). */
function openTarget(box: SecretBox, destination: NonNullable<ClaimedDelivery["destination"]>): AlertTarget {
  return {
    kind: destination.kind as DestinationKind,
    url: destination.url === null ? null : box.open(destination.url, "alert_destinations.url"),
    secret: destination.secret === null ? null : box.open(destination.secret, "alert_destinations.secret"),
    emailTo: destination.emailTo,
  };
}

/** Sends one claimed delivery and records what happened; a failure's reason in `reasonLocale` (English by default). */
export async function sendClaimedDelivery(services: AlertServices, delivery: ClaimedDelivery, maxAttempts: number = env.ALERT_MAX_ATTEMPTS, reasonLocale: Locale = DEFAULT_LOCALE): Promise<DeliveryOutcome> {
  const { destination } = delivery;
  const t = failureWords(reasonLocale);
  if (!destination) return recordOutcome(services, delivery, undeliverable("deleted", t), maxAttempts, t);
  if (!destination.isEnabled && delivery.alert.kind !== "test") {
    return recordOutcome(services, delivery, undeliverable("disabled", t), maxAttempts, t);
  }
  let target: AlertTarget;
  try {
    target = openTarget(services.secretBox, destination);
  } catch (error) {
    if (!isUndecryptableSecretError(error)) throw error;
    // Retried: once CALLBOARD_ENCRYPTION_KEY holds the key, the next attempt goes out.
    return recordOutcome(services, delivery, { isSent: false, status: null, error: error.message, isRetryable: true }, maxAttempts, t);
  }
  const outcome = await sendAlert(
    target,
    {
      alertId: delivery.alertId.toString(),
      deliveryId: delivery.id.toString(),
      createdAt: delivery.alert.createdAt.toISOString(),
      timeZone: env.DEFAULT_TIMEZONE,
      locale: isLocale(destination.locale) ? destination.locale : DEFAULT_LOCALE,
      content: delivery.alert.content as AlertContent,
    },
    services.smtp,
    t,
  );
  return recordOutcome(services, delivery, outcome, maxAttempts, t);
}

/**
 * "Send test alert": one attempt, now, through the same path as real alerts, and logged like them. The alert is in
 * the destination's language; a failure's reason in `reasonLocale`, the language of the admin who asked.
 */
export async function sendTestAlert(services: AlertServices, destinationId: bigint, reasonLocale: Locale = DEFAULT_LOCALE): Promise<TestAlertResult> {
  const { prisma } = services;
  const destination = await prisma.alertDestination.findUnique({ where: { id: destinationId }, include: { rule: true } });
  if (!destination) throw new ApiError("not_found", `No alert destination with id ${destinationId}.`);
  const label = destination.label ?? destination.kind;
  const content: AlertContent = { kind: "test", rule: { id: destination.ruleId.toString(), name: destination.rule.name }, destination: label, at: new Date().toISOString() };
  const alert = await prisma.alert.create({
    data: {
      ruleId: destination.ruleId,
      ruleName: destination.rule.name,
      kind: "test",
      content,
      // Claimed by this request from the start (attempt 1, leased), so no worker sends it as well.
      deliveries: {
        create: { destinationId, destinationKind: destination.kind, destinationLabel: label, attempts: 1, lockedUntil: new Date(Date.now() + leaseSeconds() * 1000) },
      },
    },
    include: { deliveries: true },
  });
  const [delivery] = await loadClaimedDeliveries(prisma, alert.deliveries.map((row) => row.id));
  if (!delivery) throw new Error("The test alert has no delivery.");
  const deliveryId = delivery.id;
  const started = performance.now();
  const outcome = await sendClaimedDelivery(services, delivery, 1, reasonLocale);
  return {
    deliveryId: deliveryId.toString(),
    state: outcome.state === "sent" ? "sent" : "failed",
    status: outcome.status,
    error: outcome.error,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The most recent deliveries first, optionally only those in one state. */
export async function listAlertDeliveries(prisma: PrismaClient, options: { limit: number; state?: AlertDeliveryState | null }): Promise<AlertDeliveryView[]> {
  const rows = await prisma.alertDelivery.findMany({
    where: options.state ? { state: options.state } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit,
    include: { alert: { select: { kind: true, ruleId: true, ruleName: true, content: true } } },
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    alertKind: row.alert.kind as AlertKind,
    ruleId: row.alert.ruleId?.toString() ?? null,
    ruleName: row.alert.ruleName,
    callId: alertCallId(row.alert.content as AlertContent),
    destinationKind: row.destinationKind as DestinationKind,
    destinationLabel: row.destinationLabel,
    state: row.state as AlertDeliveryState,
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.state === "pending" ? row.nextAttemptAt.toISOString() : null,
  }));
}

export async function countAlertDeliveries(prisma: PrismaClient, since: Date = new Date(Date.now() - 24 * 60 * 60 * 1000)): Promise<AlertDeliveriesResponse["counts"]> {
  const groups = await prisma.alertDelivery.groupBy({ by: ["state"], where: { createdAt: { gte: since } }, _count: { _all: true } });
  const counts = { pending: 0, sent: 0, failed: 0 };
  for (const group of groups) if (group.state in counts) counts[group.state as AlertDeliveryState] = group._count._all;
  return counts;
}

/**
 * Retention: alerts (with their deliveries) older than `retentionDays` once none is still pending, and outbox rows
 * evaluated that long ago (threshold rules look back a day at most, so at least a day is kept). In batches.
 */
export async function pruneAlerts(prisma: PrismaClient, options: { retentionDays: number; batchSize?: number; maxBatches?: number }): Promise<number> {
  const batchSize = options.batchSize ?? 1_000;
  const maxBatches = options.maxBatches ?? 20;
  const cutoff = new Date(Date.now() - options.retentionDays * 24 * 60 * 60 * 1000);
  const errorCutoff = new Date(Math.min(cutoff.getTime(), Date.now() - 24 * 60 * 60 * 1000));
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await prisma.$executeRaw`
      DELETE FROM alerts WHERE id IN (
        SELECT a.id FROM alerts a WHERE a.created_at < ${cutoff}
          AND NOT EXISTS (SELECT 1 FROM alert_deliveries d WHERE d.alert_id = a.id AND d.state = 'pending')
        ORDER BY a.id LIMIT ${batchSize})`;
    deleted += count;
    if (count < batchSize) break;
  }
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await prisma.$executeRaw`
      DELETE FROM alert_errors WHERE id IN (
        SELECT id FROM alert_errors WHERE processed_at IS NOT NULL AND recorded_at < ${errorCutoff} ORDER BY id LIMIT ${batchSize})`;
    if (count < batchSize) break;
  }
  return deleted;
}
