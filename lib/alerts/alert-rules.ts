// Alert rules and their destinations: what the admin page lists, creates, changes and deletes. A destination's URL
// and signing secret are stored encrypted (lib/secrets): sealed here on the way in, opened for the view, and a Slack
// URL, whose path is its secret, never goes back to a browser whole.
import { findLastDelivered } from "./last-delivered";
import type { AlertDestination, AlertRule, PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { describeIssues } from "@/lib/http/read-json-body";
import type { SecretBox } from "@/lib/secrets/secret-box";
import { generateWebhookSecret } from "@/lib/webhooks/webhook-secrets";
import { refuseDisallowedDestinationUrl } from "./check-destination-url";
import { checkThresholdFields, DESTINATION_FIELD_NAMES, RULE_FIELD_NAMES, type DestinationInput, type DestinationPatch, type RuleInput, type RulePatch } from "./alert-schemas";
import { DEFAULT_LOCALE, isLocale } from "@/lib/shared/i18n/locales";
import { thresholdFields, type AlertDestinationView, type AlertRuleKind, type AlertRuleView, type DestinationKind } from "@/lib/shared/alerts/alert-view";

type RuleWithDestinations = AlertRule & { destinations: AlertDestination[] };

/** What the page shows in place of the hidden part of a URL. */
const HIDDEN = "•".repeat(12);

/** Path parameters are database ids; anything else is simply not found. */
export function parseAlertId(value: string, what: "rule" | "destination"): bigint {
  if (!/^\d{1,18}$/.test(value)) throw new ApiError("not_found", `No alert ${what} with id ${value}.`);
  return BigInt(value);
}

/**
 * How lists and the delivery log name a destination, stored beside it (alert_destinations.label) so that naming one
 * needs no decryption: the e-mail addresses, or the URL's host only. A Slack URL's path is its secret, and a webhook
 * URL's path or query can hold a token too: "/…" says there is one.
 */
export function destinationLabel(destination: { kind: string; url: string | null; emailTo: string[] }): string {
  if (destination.kind === "email") return destination.emailTo.join(", ");
  const url = destination.url ? URL.parse(destination.url) : null;
  if (!url) return destination.kind;
  const hasMore = destination.kind === "webhook" && (url.pathname !== "/" || url.search !== "");
  const shown = `${url.host}${hasMore ? "/…" : ""}`;
  return shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
}

/** A Slack URL as a browser may see it: scheme, host and the first path segment; the rest, the secret, hidden. */
export function maskSlackUrl(url: string): string {
  const parsed = URL.parse(url);
  if (!parsed) return HIDDEN;
  const [first] = parsed.pathname.split("/").filter(Boolean);
  return `${parsed.origin}/${first ? `${first}/` : ""}${HIDDEN}`;
}

/** The URL as the view shows it (and as it may come back in a save). */
function shownUrl(kind: string, url: string): string {
  return kind === "slack" ? maskSlackUrl(url) : url;
}

export function toDestinationView(destination: AlertDestination, box: SecretBox): AlertDestinationView {
  const url = destination.url === null ? null : box.open(destination.url, "alert_destinations.url");
  const secret = destination.secret === null ? null : box.open(destination.secret, "alert_destinations.secret");
  return {
    id: destination.id.toString(),
    kind: destination.kind as DestinationKind,
    url: url === null ? null : shownUrl(destination.kind, url),
    to: destination.emailTo,
    isEnabled: destination.isEnabled,
    locale: isLocale(destination.locale) ? destination.locale : DEFAULT_LOCALE,
    maskedSecret: secret ? `${secret.slice(0, 10)}${"•".repeat(16)}` : null,
    label: destination.label ?? destinationLabel({ ...destination, url }),
  };
}

export function toRuleView(rule: RuleWithDestinations, box: SecretBox, lastDeliveredAt: Date | null = null): AlertRuleView {
  return {
    id: rule.id.toString(),
    name: rule.name,
    kind: rule.kind as AlertRuleKind,
    thresholdCount: rule.thresholdCount,
    windowMinutes: rule.windowMinutes,
    lineNumber: rule.lineNumber,
    errorContains: rule.errorContains,
    cooldownMinutes: rule.cooldownSeconds / 60,
    isEnabled: rule.isEnabled,
    lastFiredAt: rule.lastFiredAt?.toISOString() ?? null,
    lastDeliveredAt: lastDeliveredAt?.toISOString() ?? null,
    suppressedCount: rule.suppressedCount,
    cooldownUntil: rule.cooldownUntil?.toISOString() ?? null,
    createdAt: rule.createdAt.toISOString(),
    destinations: [...rule.destinations].sort((a, b) => Number(a.id - b.id)).map((destination) => toDestinationView(destination, box)),
  };
}

/** A URL that still holds the page's hidden part was not typed in full: it cannot be saved as it is. */
function refuseHiddenUrl(url: string, fieldName: string): void {
  if (url.includes("•")) throw new ApiError("unprocessable", `${fieldName} still holds its hidden part (•••): paste the whole URL, or leave the URL as it is.`);
}

function destinationData(input: DestinationInput, box: SecretBox) {
  if (input.kind === "email") return { kind: input.kind, url: null, secret: null, label: destinationLabel({ kind: input.kind, url: null, emailTo: input.to }), emailTo: input.to, locale: input.locale, isEnabled: input.isEnabled };
  return {
    kind: input.kind,
    url: box.seal(input.url, "alert_destinations.url"),
    secret: input.kind === "webhook" ? box.seal(generateWebhookSecret(), "alert_destinations.secret") : null,
    label: destinationLabel({ kind: input.kind, url: input.url, emailTo: [] }),
    emailTo: [],
    locale: input.locale,
    isEnabled: input.isEnabled,
  };
}

export async function listAlertRules(prisma: PrismaClient, box: SecretBox): Promise<AlertRuleView[]> {
  const rules = await prisma.alertRule.findMany({ include: { destinations: true }, orderBy: { id: "asc" } });
  const delivered = await findLastDelivered(prisma, rules.map((rule) => rule.id));
  return rules.map((rule) => toRuleView(rule, box, delivered.get(rule.id)));
}

async function findRule(prisma: PrismaClient, id: bigint): Promise<RuleWithDestinations> {
  const rule = await prisma.alertRule.findUnique({ where: { id }, include: { destinations: true } });
  if (!rule) throw new ApiError("not_found", `No alert rule with id ${id}.`);
  return rule;
}

export async function getAlertRule(prisma: PrismaClient, box: SecretBox, id: bigint): Promise<AlertRuleView> {
  return toRuleView(await findRule(prisma, id), box, (await findLastDelivered(prisma, [id])).get(id));
}

/** The cooldown as the admin enters it (minutes, fractions allowed) and as it is stored (whole seconds). */
function toCooldownSeconds(minutes: number): number {
  return Math.round(minutes * 60);
}

export async function createAlertRule(prisma: PrismaClient, box: SecretBox, input: RuleInput): Promise<AlertRuleView> {
  for (const [index, destination] of input.destinations.entries()) {
    if (destination.kind === "email") continue;
    refuseHiddenUrl(destination.url, `Destination ${index + 1}: the URL`);
    await refuseDisallowedDestinationUrl(destination.kind, destination.url, `Destination ${index + 1}: the URL`);
  }
  const rule = await prisma.alertRule.create({
    data: {
      name: input.name,
      kind: input.kind,
      ...thresholdFields({ kind: input.kind, thresholdCount: input.thresholdCount ?? null, windowMinutes: input.windowMinutes ?? null }),
      lineNumber: input.lineNumber,
      errorContains: input.errorContains,
      cooldownSeconds: toCooldownSeconds(input.cooldownMinutes),
      isEnabled: input.isEnabled,
      destinations: { create: input.destinations.map((destination) => destinationData(destination, box)) },
    },
    include: { destinations: true },
  });
  return toRuleView(rule, box);
}

export async function updateAlertRule(prisma: PrismaClient, box: SecretBox, id: bigint, patch: RulePatch): Promise<AlertRuleView> {
  const current = await findRule(prisma, id);
  const merged = {
    kind: patch.kind ?? current.kind,
    thresholdCount: patch.thresholdCount === undefined ? current.thresholdCount : patch.thresholdCount,
    windowMinutes: patch.windowMinutes === undefined ? current.windowMinutes : patch.windowMinutes,
  };
  const problems: { path: string[]; message: string }[] = [];
  checkThresholdFields(merged, { addIssue: (issue) => problems.push(issue) });
  if (problems.length > 0) {
    throw new ApiError("unprocessable", `The request body has the wrong shape. ${describeIssues(problems, RULE_FIELD_NAMES)}`, { details: problems });
  }
  const isDisabling = patch.isEnabled === false;
  // Only the rule's own columns: the worker's cooldown columns are left alone, except that disabling a rule
  // forgets a pending summary (it would be stale by the time the rule is enabled again).
  const rule = await prisma.alertRule.update({
    where: { id },
    data: {
      name: patch.name,
      kind: merged.kind,
      ...thresholdFields(merged),
      lineNumber: patch.lineNumber,
      errorContains: patch.errorContains,
      cooldownSeconds: patch.cooldownMinutes === undefined ? undefined : toCooldownSeconds(patch.cooldownMinutes),
      isEnabled: patch.isEnabled,
      ...(isDisabling ? { cooldownUntil: null, suppressedCount: 0, suppressedSince: null, lastSuppressedCallId: null } : {}),
      updatedAt: new Date(),
    },
    include: { destinations: true },
  });
  return toRuleView(rule, box);
}

export async function deleteAlertRule(prisma: PrismaClient, id: bigint): Promise<void> {
  const { count } = await prisma.alertRule.deleteMany({ where: { id } });
  if (count === 0) throw new ApiError("not_found", `No alert rule with id ${id}.`);
}

export async function addAlertDestination(prisma: PrismaClient, box: SecretBox, ruleId: bigint, input: DestinationInput): Promise<AlertRuleView> {
  const rule = await findRule(prisma, ruleId);
  if (rule.destinations.length >= 10) throw new ApiError("unprocessable", "A rule has at most 10 destinations; remove one first.");
  if (input.kind !== "email") {
    refuseHiddenUrl(input.url, DESTINATION_FIELD_NAMES.url ?? "The URL");
    await refuseDisallowedDestinationUrl(input.kind, input.url, DESTINATION_FIELD_NAMES.url ?? "The URL");
  }
  await prisma.alertDestination.create({ data: { ...destinationData(input, box), ruleId } });
  return getAlertRule(prisma, box, ruleId);
}

async function findDestination(prisma: PrismaClient, id: bigint): Promise<AlertDestination> {
  const destination = await prisma.alertDestination.findUnique({ where: { id } });
  if (!destination) throw new ApiError("not_found", `No alert destination with id ${id}.`);
  return destination;
}

/** The URL a save changes to: none when it is the one shown (a Slack URL comes back masked), else the new one, checked. */
async function changedUrl(box: SecretBox, destination: AlertDestination, url: string | undefined): Promise<string | undefined> {
  if (url === undefined || destination.url === null) return url;
  const stored = box.open(destination.url, "alert_destinations.url");
  if (url === shownUrl(destination.kind, stored)) return undefined;
  const fieldName = DESTINATION_FIELD_NAMES.url ?? "The URL";
  refuseHiddenUrl(url, fieldName);
  await refuseDisallowedDestinationUrl(destination.kind as DestinationKind, url, fieldName);
  return url;
}

export async function updateAlertDestination(prisma: PrismaClient, box: SecretBox, id: bigint, patch: DestinationPatch): Promise<AlertRuleView> {
  const destination = await findDestination(prisma, id);
  if (patch.url !== undefined && destination.kind === "email") throw new ApiError("unprocessable", "url: an e-mail destination has recipients (to), not a URL.");
  if (patch.to !== undefined && destination.kind !== "email") throw new ApiError("unprocessable", `to: a ${destination.kind} destination has a URL, not recipients.`);
  const url = await changedUrl(box, destination, patch.url);
  const label = url !== undefined || patch.to !== undefined ? destinationLabel({ kind: destination.kind, url: url ?? null, emailTo: patch.to ?? [] }) : undefined;
  await prisma.alertDestination.update({
    where: { id },
    data: { url: url === undefined ? undefined : box.seal(url, "alert_destinations.url"), label, emailTo: patch.to, locale: patch.locale, isEnabled: patch.isEnabled },
  });
  return getAlertRule(prisma, box, destination.ruleId);
}

export async function deleteAlertDestination(prisma: PrismaClient, box: SecretBox, id: bigint): Promise<AlertRuleView> {
  const destination = await findDestination(prisma, id);
  const siblings = await prisma.alertDestination.count({ where: { ruleId: destination.ruleId } });
  if (siblings <= 1) {
    throw new ApiError("unprocessable", "This is the rule's only destination: add another first, or disable or delete the rule.");
  }
  await prisma.alertDestination.delete({ where: { id } });
  return getAlertRule(prisma, box, destination.ruleId);
}

async function findSignedDestination(prisma: PrismaClient, id: bigint): Promise<AlertDestination & { secret: string }> {
  const destination = await findDestination(prisma, id);
  if (destination.secret === null) throw new ApiError("not_found", `Destination ${id} is a ${destination.kind} destination and has no signing secret.`);
  return { ...destination, secret: destination.secret };
}

export async function revealAlertDestinationSecret(prisma: PrismaClient, box: SecretBox, id: bigint): Promise<string> {
  return box.open((await findSignedDestination(prisma, id)).secret, "alert_destinations.secret");
}

/**
 * A new signing secret for a webhook destination, in use from the next alert on (the old one stops at once:
 * Callboard signs, so the receiver is the one to accept both while it switches). Returns it with the rule.
 */
export async function rotateAlertDestinationSecret(prisma: PrismaClient, box: SecretBox, id: bigint): Promise<{ secret: string; rule: AlertRuleView }> {
  const destination = await findSignedDestination(prisma, id);
  const secret = generateWebhookSecret();
  await prisma.alertDestination.update({ where: { id }, data: { secret: box.seal(secret, "alert_destinations.secret") } });
  return { secret, rule: await getAlertRule(prisma, box, destination.ruleId) };
}
