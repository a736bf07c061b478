// Alert rules and their destinations: what the admin page lists, creates, changes and deletes.
import type { AlertDestination, AlertRule, PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { describeIssues } from "@/lib/http/read-json-body";
import { generateWebhookSecret } from "@/lib/webhooks/webhook-secrets";
import { refuseDisallowedDestinationUrl } from "./check-destination-url";
import { checkThresholdFields, DESTINATION_FIELD_NAMES, RULE_FIELD_NAMES, type DestinationInput, type DestinationPatch, type RuleInput, type RulePatch } from "./alert-schemas";
import { thresholdFields, type AlertDestinationView, type AlertRuleKind, type AlertRuleView, type DestinationKind } from "@/lib/shared/alerts/alert-view";

type RuleWithDestinations = AlertRule & { destinations: AlertDestination[] };

/** Path parameters are database ids; anything else is simply not found. */
export function parseAlertId(value: string, what: "rule" | "destination"): bigint {
  if (!/^\d{1,18}$/.test(value)) throw new ApiError("not_found", `No alert ${what} with id ${value}.`);
  return BigInt(value);
}

export function destinationLabel(destination: { kind: string; url: string | null; emailTo: string[] }): string {
  if (destination.kind === "email") return destination.emailTo.join(", ");
  if (!destination.url) return destination.kind;
  try {
    const url = new URL(destination.url);
    // Slack's path is the secret part of the URL: show only the host.
    const shown = destination.kind === "slack" ? url.host : `${url.host}${url.pathname === "/" ? "" : url.pathname}`;
    return shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
  } catch {
    return destination.url.slice(0, 60);
  }
}

export function toDestinationView(destination: AlertDestination): AlertDestinationView {
  return {
    id: destination.id.toString(),
    kind: destination.kind as DestinationKind,
    url: destination.url,
    to: destination.emailTo,
    isEnabled: destination.isEnabled,
    maskedSecret: destination.secret ? `${destination.secret.slice(0, 10)}${"•".repeat(16)}` : null,
    label: destinationLabel(destination),
  };
}

export function toRuleView(rule: RuleWithDestinations): AlertRuleView {
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
    suppressedCount: rule.suppressedCount,
    cooldownUntil: rule.cooldownUntil?.toISOString() ?? null,
    createdAt: rule.createdAt.toISOString(),
    destinations: [...rule.destinations].sort((a, b) => Number(a.id - b.id)).map(toDestinationView),
  };
}

function destinationData(input: DestinationInput) {
  return input.kind === "email"
    ? { kind: input.kind, url: null, secret: null, emailTo: input.to, isEnabled: input.isEnabled }
    : { kind: input.kind, url: input.url, secret: input.kind === "webhook" ? generateWebhookSecret() : null, emailTo: [], isEnabled: input.isEnabled };
}

export async function listAlertRules(prisma: PrismaClient): Promise<AlertRuleView[]> {
  const rules = await prisma.alertRule.findMany({ include: { destinations: true }, orderBy: { id: "asc" } });
  return rules.map(toRuleView);
}

async function findRule(prisma: PrismaClient, id: bigint): Promise<RuleWithDestinations> {
  const rule = await prisma.alertRule.findUnique({ where: { id }, include: { destinations: true } });
  if (!rule) throw new ApiError("not_found", `No alert rule with id ${id}.`);
  return rule;
}

export async function getAlertRule(prisma: PrismaClient, id: bigint): Promise<AlertRuleView> {
  return toRuleView(await findRule(prisma, id));
}

/** The cooldown as the admin enters it (minutes, fractions allowed) and as it is stored (whole seconds). */
function toCooldownSeconds(minutes: number): number {
  return Math.round(minutes * 60);
}

export async function createAlertRule(prisma: PrismaClient, input: RuleInput): Promise<AlertRuleView> {
  for (const [index, destination] of input.destinations.entries()) {
    if (destination.kind !== "email") await refuseDisallowedDestinationUrl(destination.kind, destination.url, `Destination ${index + 1}: the URL`);
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
      destinations: { create: input.destinations.map(destinationData) },
    },
    include: { destinations: true },
  });
  return toRuleView(rule);
}

export async function updateAlertRule(prisma: PrismaClient, id: bigint, patch: RulePatch): Promise<AlertRuleView> {
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
  return toRuleView(rule);
}

export async function deleteAlertRule(prisma: PrismaClient, id: bigint): Promise<void> {
  const { count } = await prisma.alertRule.deleteMany({ where: { id } });
  if (count === 0) throw new ApiError("not_found", `No alert rule with id ${id}.`);
}

export async function addAlertDestination(prisma: PrismaClient, ruleId: bigint, input: DestinationInput): Promise<AlertRuleView> {
  const rule = await findRule(prisma, ruleId);
  if (rule.destinations.length >= 10) throw new ApiError("unprocessable", "A rule has at most 10 destinations; remove one first.");
  if (input.kind !== "email") await refuseDisallowedDestinationUrl(input.kind, input.url, DESTINATION_FIELD_NAMES.url ?? "The URL");
  await prisma.alertDestination.create({ data: { ...destinationData(input), ruleId } });
  return getAlertRule(prisma, ruleId);
}

async function findDestination(prisma: PrismaClient, id: bigint): Promise<AlertDestination> {
  const destination = await prisma.alertDestination.findUnique({ where: { id } });
  if (!destination) throw new ApiError("not_found", `No alert destination with id ${id}.`);
  return destination;
}

export async function updateAlertDestination(prisma: PrismaClient, id: bigint, patch: DestinationPatch): Promise<AlertRuleView> {
  const destination = await findDestination(prisma, id);
  if (patch.url !== undefined && destination.kind === "email") throw new ApiError("unprocessable", "url: an e-mail destination has recipients (to), not a URL.");
  if (patch.to !== undefined && destination.kind !== "email") throw new ApiError("unprocessable", `to: a ${destination.kind} destination has a URL, not recipients.`);
  if (patch.url !== undefined) await refuseDisallowedDestinationUrl(destination.kind as DestinationKind, patch.url, DESTINATION_FIELD_NAMES.url ?? "The URL");
  await prisma.alertDestination.update({ where: { id }, data: { url: patch.url, emailTo: patch.to, isEnabled: patch.isEnabled } });
  return getAlertRule(prisma, destination.ruleId);
}

export async function deleteAlertDestination(prisma: PrismaClient, id: bigint): Promise<AlertRuleView> {
  const destination = await findDestination(prisma, id);
  const siblings = await prisma.alertDestination.count({ where: { ruleId: destination.ruleId } });
  if (siblings <= 1) {
    throw new ApiError("unprocessable", "This is the rule's only destination: add another first, or disable or delete the rule.");
  }
  await prisma.alertDestination.delete({ where: { id } });
  return getAlertRule(prisma, destination.ruleId);
}

export async function revealAlertDestinationSecret(prisma: PrismaClient, id: bigint): Promise<string> {
  const destination = await findDestination(prisma, id);
  if (!destination.secret) throw new ApiError("not_found", `Destination ${id} is a ${destination.kind} destination and has no signing secret.`);
  return destination.secret;
}
