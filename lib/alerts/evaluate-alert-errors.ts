// The alert worker's decisions, each in one transaction so that two Callboard instances on one database neither
// miss nor double an alert:
// - evaluatePendingErrors claims calls from the alert_errors outbox (FOR UPDATE SKIP LOCKED: rows another
//   instance holds are passed over, never read twice), matches them against the enabled rules (locked, in id
//   order, so cooldown state changes one instance at a time), raises alerts or counts them as held back, writes
//   one delivery row per destination, and marks the outbox rows done, all before COMMIT.
// - sendDueSummaries sends "…and N more" for rules whose cooldown ended with errors held back.
import type { AlertDestination, Prisma, PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import type { AlertCall, AlertContent } from "./alert-content";

const BATCH_SIZE = 100;
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 30_000 };

type Tx = Prisma.TransactionClient;

type PendingError = {
  id: bigint;
  callId: string;
  recordedAt: Date;
  error: string | null;
  lineNumber: string | null;
  lineName: string | null;
  customerNumber: string | null;
  endedAt: Date | null;
};

type RuleRow = {
  id: bigint;
  name: string;
  kind: string;
  thresholdCount: number | null;
  windowMinutes: number | null;
  lineNumber: string | null;
  errorContains: string | null;
  cooldownSeconds: number;
  cooldownUntil: Date | null;
  suppressedCount: number;
  suppressedSince: Date | null;
};

/** Where alert links point: PUBLIC_BASE_URL, else the address the server listens on. */
export function callboardBaseUrl(): string {
  if (env.PUBLIC_BASE_URL) return env.PUBLIC_BASE_URL.replace(/\/+$/, "");
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  return `http://${host}:${env.PORT}`;
}

/** Line numbers compare by their digits, so "+31 20 123 4567" matches "+31201234567". */
export function lineDigits(value: string | null): string {
  return (value ?? "").replace(/\D/g, "");
}

export function isRuleMatch(rule: Pick<RuleRow, "lineNumber" | "errorContains">, call: { lineNumber: string | null; error: string | null }): boolean {
  if (rule.lineNumber && lineDigits(rule.lineNumber) !== lineDigits(call.lineNumber)) return false;
  if (rule.errorContains && !(call.error ?? "").toLowerCase().includes(rule.errorContains.toLowerCase())) return false;
  return true;
}

function toAlertCall(row: Omit<PendingError, "id">): AlertCall {
  return {
    id: row.callId,
    lineNumber: row.lineNumber,
    lineName: row.lineName,
    customerNumber: row.customerNumber,
    error: row.error,
    at: (row.endedAt ?? row.recordedAt).toISOString(),
    url: `${callboardBaseUrl()}/calls/${encodeURIComponent(row.callId)}`,
  };
}

async function databaseNow(tx: Tx): Promise<Date> {
  const [row] = await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  return row?.now ?? new Date();
}

type Destinations = (rule: { id: bigint }) => Promise<AlertDestination[]>;

/** The rules' enabled destinations, read once per transaction (the rules are locked, so they stay put). */
function destinationsOf(tx: Tx): Destinations {
  const cache = new Map<bigint, Promise<AlertDestination[]>>();
  return (rule) => {
    let destinations = cache.get(rule.id);
    if (!destinations) {
      destinations = tx.alertDestination.findMany({ where: { ruleId: rule.id, isEnabled: true }, orderBy: { id: "asc" } });
      cache.set(rule.id, destinations);
    }
    return destinations;
  };
}

/** Records an alert and one pending delivery per enabled destination of the rule. */
async function raiseAlert(tx: Tx, destinationsFor: Destinations, rule: { id: bigint; name: string }, content: AlertContent): Promise<void> {
  const destinations = await destinationsFor(rule);
  await tx.alert.create({
    data: {
      ruleId: rule.id,
      ruleName: rule.name,
      kind: content.kind,
      content,
      deliveries: {
        create: destinations.map((destination) => ({
          destinationId: destination.id,
          destinationKind: destination.kind,
          // Stored beside the destination (its URL is encrypted): the worker names it without decrypting anything.
          destinationLabel: destination.label ?? destination.kind,
        })),
      },
    },
  });
}

/** Errors matching the rule's filters that Callboard recorded within `windowMinutes` up to `at`. */
async function countErrorsInWindow(tx: Tx, rule: RuleRow, at: Date): Promise<number> {
  const digits = rule.lineNumber ? lineDigits(rule.lineNumber) : null;
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM alert_errors e JOIN calls c ON c.id = e.call_id
    WHERE e.recorded_at > ${at}::timestamptz - make_interval(mins => ${rule.windowMinutes ?? 0}::int) AND e.recorded_at <= ${at}
      AND (${digits}::text IS NULL OR regexp_replace(COALESCE(c.line_number, ''), '[^0-9]', '', 'g') = ${digits}::text)
      AND (${rule.errorContains}::text IS NULL OR strpos(lower(COALESCE(c.error, '')), lower(${rule.errorContains}::text)) > 0)`;
  return row?.count ?? 0;
}

async function evaluateBatch(tx: Tx): Promise<number> {
  const errors = await tx.$queryRaw<PendingError[]>`
    SELECT e.id, e.call_id AS "callId", e.recorded_at AS "recordedAt", c.error, c.line_number AS "lineNumber",
      c.line_name AS "lineName", c.customer_number AS "customerNumber", c.ended_at AS "endedAt"
    FROM alert_errors e JOIN calls c ON c.id = e.call_id
    WHERE e.processed_at IS NULL
    ORDER BY e.id
    LIMIT ${BATCH_SIZE}
    FOR UPDATE OF e SKIP LOCKED`;
  if (errors.length === 0) return 0;

  const rules = await tx.$queryRaw<RuleRow[]>`
    SELECT id, name, kind, threshold_count AS "thresholdCount", window_minutes AS "windowMinutes", line_number AS "lineNumber",
      error_contains AS "errorContains", cooldown_seconds AS "cooldownSeconds", cooldown_until AS "cooldownUntil",
      suppressed_count AS "suppressedCount", suppressed_since AS "suppressedSince"
    FROM alert_rules WHERE is_enabled ORDER BY id FOR UPDATE`;
  const now = await databaseNow(tx);
  const destinationsFor = destinationsOf(tx);
  // Each rule's state changes in this batch, merged (an alert, then errors held back behind it), written once.
  const changed = new Map<bigint, Prisma.AlertRuleUpdateInput>();

  for (const error of errors) {
    const call = toAlertCall(error);
    for (const rule of rules) {
      if (!isRuleMatch(rule, error)) continue;
      let content: AlertContent | null = null;
      if (rule.kind === "threshold") {
        const count = await countErrorsInWindow(tx, rule, error.recordedAt);
        if (count <= (rule.thresholdCount ?? 0)) continue;
        content = { kind: "threshold", rule: { id: rule.id.toString(), name: rule.name }, count, thresholdCount: rule.thresholdCount ?? 0, windowMinutes: rule.windowMinutes ?? 0, call };
      } else {
        content = { kind: "error", rule: { id: rule.id.toString(), name: rule.name }, call };
      }
      // Held back during the cooldown, and also just after it while its summary is still to go out (the worker
      // sends due summaries right after this): the summary then counts this error too, so a storm never yields
      // a second alert beside its summary, and no held-back count is lost.
      const isCoolingDown = rule.cooldownUntil !== null && rule.cooldownUntil > now;
      if (isCoolingDown || rule.suppressedCount > 0) {
        rule.suppressedCount += 1;
        rule.suppressedSince ??= now;
        changed.set(rule.id, { ...changed.get(rule.id), suppressedCount: rule.suppressedCount, suppressedSince: rule.suppressedSince, lastSuppressedCallId: error.callId });
        continue;
      }
      await raiseAlert(tx, destinationsFor, rule, content);
      rule.cooldownUntil = rule.cooldownSeconds > 0 ? new Date(now.getTime() + rule.cooldownSeconds * 1000) : null;
      rule.suppressedCount = 0;
      rule.suppressedSince = null;
      changed.set(rule.id, { ...changed.get(rule.id), cooldownUntil: rule.cooldownUntil, suppressedCount: 0, suppressedSince: null, lastSuppressedCallId: null, lastFiredAt: now });
    }
  }
  for (const [id, data] of changed) await tx.alertRule.update({ where: { id }, data });
  await tx.$executeRaw`UPDATE alert_errors SET processed_at = clock_timestamp() WHERE id = ANY(${errors.map((error) => error.id)}::bigint[])`;
  return errors.length;
}

/** Evaluates every pending error, a batch per transaction. Returns how many were evaluated. */
export async function evaluatePendingErrors(prisma: PrismaClient): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await prisma.$transaction((tx) => evaluateBatch(tx), TRANSACTION_OPTIONS);
    total += count;
    if (count < BATCH_SIZE) return total;
  }
}

/**
 * For every rule whose cooldown has ended with errors held back: one "…and N more" alert, and a new cooldown, so a
 * storm that goes on yields one summary per cooldown period. Returns how many summaries were raised.
 */
export async function sendDueSummaries(prisma: PrismaClient): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<(RuleRow & { lastSuppressedCallId: string | null })[]>`
      SELECT id, name, cooldown_seconds AS "cooldownSeconds", suppressed_count AS "suppressedCount",
        suppressed_since AS "suppressedSince", last_suppressed_call_id AS "lastSuppressedCallId"
      FROM alert_rules
      WHERE is_enabled AND suppressed_count > 0 AND (cooldown_until IS NULL OR cooldown_until <= clock_timestamp())
      ORDER BY id FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return 0;
    const now = await databaseNow(tx);
    const destinationsFor = destinationsOf(tx);
    for (const rule of due) {
      const last = rule.lastSuppressedCallId
        ? await tx.$queryRaw<Omit<PendingError, "id">[]>`
            SELECT c.id AS "callId", COALESCE(e.recorded_at, c.updated_at) AS "recordedAt", c.error, c.line_number AS "lineNumber",
              c.line_name AS "lineName", c.customer_number AS "customerNumber", c.ended_at AS "endedAt"
            FROM calls c LEFT JOIN alert_errors e ON e.call_id = c.id WHERE c.id = ${rule.lastSuppressedCallId}`
        : [];
      const lastCall = last[0] ? toAlertCall(last[0]) : null;
      await raiseAlert(tx, destinationsFor, rule, {
        kind: "summary",
        rule: { id: rule.id.toString(), name: rule.name },
        suppressedCount: rule.suppressedCount,
        since: (rule.suppressedSince ?? now).toISOString(),
        until: now.toISOString(),
        cooldownMinutes: Number((rule.cooldownSeconds / 60).toFixed(2)),
        lastCall,
      });
      await tx.alertRule.update({
        where: { id: rule.id },
        data: {
          cooldownUntil: rule.cooldownSeconds > 0 ? new Date(now.getTime() + rule.cooldownSeconds * 1000) : null,
          suppressedCount: 0,
          suppressedSince: null,
          lastSuppressedCallId: null,
          lastFiredAt: now,
        },
      });
    }
    return due.length;
  }, TRANSACTION_OPTIONS);
}
