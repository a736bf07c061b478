// What the alerts page shows about rules, destinations and deliveries. Safe to import from client components:
// it never holds a destination's signing secret.
import type { Locale } from "@/lib/shared/i18n/locales";

export const ALERT_RULE_KINDS = ["each-error", "threshold"] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

export const DESTINATION_KINDS = ["webhook", "slack", "email"] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

export const ALERT_KINDS = ["error", "threshold", "summary", "test"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const DELIVERY_STATES = ["pending", "sent", "failed"] as const;
export type AlertDeliveryState = (typeof DELIVERY_STATES)[number];

export type AlertDestinationView = {
  id: string;
  kind: DestinationKind;
  url: string | null;
  to: string[];
  isEnabled: boolean;
  /** The language its alerts are written in. */
  locale: Locale;
  /** Webhook destinations only: the start of the signing secret (reveal it through the API). */
  maskedSecret: string | null;
  /** Short, for lists and the delivery log. */
  label: string;
};

export type AlertRuleView = {
  id: string;
  name: string;
  kind: AlertRuleKind;
  thresholdCount: number | null;
  windowMinutes: number | null;
  lineNumber: string | null;
  errorContains: string | null;
  cooldownMinutes: number;
  isEnabled: boolean;
  /** When the rule last raised an alert, delivered or not. */
  lastFiredAt: string | null;
  /** When one of the rule's alerts last reached a destination (test alerts aside); null until one has. */
  lastDeliveredAt: string | null;
  /** Errors held back by the cooldown so far; the summary at its end reports them. */
  suppressedCount: number;
  cooldownUntil: string | null;
  createdAt: string;
  destinations: AlertDestinationView[];
};

export type AlertDeliveryView = {
  id: string;
  createdAt: string;
  updatedAt: string;
  alertKind: AlertKind;
  ruleId: string | null;
  ruleName: string;
  callId: string | null;
  destinationKind: DestinationKind;
  destinationLabel: string;
  state: AlertDeliveryState;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
};

export type AlertDeliveriesResponse = { deliveries: AlertDeliveryView[]; counts: Record<AlertDeliveryState, number> };

export type TestAlertResult = {
  deliveryId: string;
  state: "sent" | "failed";
  /** HTTP status (webhook, Slack) or SMTP reply code (e-mail); null when there was no answer. */
  status: number | null;
  error: string | null;
  durationMs: number;
};

/** A threshold rule keeps its N (errors) and M (minutes); an each-error rule has neither. */
export function thresholdFields<T>(rule: { kind: string; thresholdCount: T; windowMinutes: T }): { thresholdCount: T | null; windowMinutes: T | null } {
  const isThreshold = rule.kind === "threshold";
  return { thresholdCount: isThreshold ? rule.thresholdCount : null, windowMinutes: isThreshold ? rule.windowMinutes : null };
}
