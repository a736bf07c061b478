// What the alerts API accepts, with messages that name the field and say what fits. Invalid input becomes a 422
// through readJsonBody.
import { z } from "zod";
import type { FieldNames } from "@/lib/http/read-json-body";
import { ALERT_RULE_KINDS } from "@/lib/shared/alerts/alert-view";
import { LOCALES } from "@/lib/shared/i18n/locales";

/** An empty string from a form field means "not set". */
const optionalText = (max: number, field: string) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null))
    .describe(field);

/** The language the destination's alerts are written in; English when not given (as for destinations made before). */
const destinationLocale = z.enum(LOCALES, { error: `must be ${LOCALES.join(" or ")}` });

const httpUrl = z
  .string()
  .trim()
  .min(1, "is required")
  .max(2_000, "must be at most 2000 characters")
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }));

export const destinationInputSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("webhook"), url: httpUrl, locale: destinationLocale.default("en"), isEnabled: z.boolean().default(true) }),
    z.object({ kind: z.literal("slack"), url: httpUrl, locale: destinationLocale.default("en"), isEnabled: z.boolean().default(true) }),
    z.object({
      kind: z.literal("email"),
      to: z
        .array(z.email("must be an e-mail address such as oncall@example.com").trim())
        .min(1, "needs at least one e-mail address")
        .max(20, "takes at most 20 addresses"),
      locale: destinationLocale.default("en"),
      isEnabled: z.boolean().default(true),
    }),
  ],
  { error: "must be webhook, slack or email" },
);
export type DestinationInput = z.infer<typeof destinationInputSchema>;

export const destinationPatchSchema = z
  .object({
    url: httpUrl.optional(),
    to: z
      .array(z.email("must be an e-mail address such as oncall@example.com").trim())
      .min(1, "needs at least one e-mail address")
      .max(20, "takes at most 20 addresses")
      .optional(),
    locale: destinationLocale.optional(),
    isEnabled: z.boolean().optional(),
  })
  .strict();
export type DestinationPatch = z.infer<typeof destinationPatchSchema>;

const ruleFields = {
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  kind: z.enum(ALERT_RULE_KINDS, { error: "must be each-error or threshold" }),
  thresholdCount: z.int("must be a whole number").min(1, "must be at least 1").max(100_000, "must be at most 100000").nullish(),
  windowMinutes: z.int("must be a whole number of minutes").min(1, "must be at least 1 minute").max(1_440, "must be at most 1440 minutes (a day)").nullish(),
  lineNumber: optionalText(40, "lineNumber").refine((value) => value === null || /^\+?[\d\s().-]{3,}$/.test(value), "must be a phone number such as +31201234567"),
  errorContains: optionalText(200, "errorContains"),
  // Fractions are allowed (0.5 = 30 s); 0 sends every alert.
  cooldownMinutes: z.number("must be a number of minutes").min(0, "must be 0 or more").max(1_440, "must be at most 1440 minutes (a day)"),
  isEnabled: z.boolean().default(true),
};

type RuleShape = { kind?: string; thresholdCount?: number | null; windowMinutes?: number | null };

/** A threshold rule needs N and M; an each-error rule has neither. */
export function checkThresholdFields(rule: RuleShape, context: { addIssue: (issue: { code: "custom"; path: string[]; message: string }) => void }): void {
  if (rule.kind !== "threshold") return;
  if (rule.thresholdCount == null) context.addIssue({ code: "custom", path: ["thresholdCount"], message: "is required for a threshold rule (alert when more than N errors…)" });
  if (rule.windowMinutes == null) context.addIssue({ code: "custom", path: ["windowMinutes"], message: "is required for a threshold rule (…within M minutes)" });
}

export const ruleInputSchema = z
  .object({
    ...ruleFields,
    cooldownMinutes: ruleFields.cooldownMinutes.default(5),
    destinations: z
      .array(destinationInputSchema, { error: "needs at least one destination" })
      .min(1, "needs at least one destination")
      .max(10, "takes at most 10 destinations"),
  })
  .superRefine(checkThresholdFields);
export type RuleInput = z.infer<typeof ruleInputSchema>;

export const rulePatchSchema = z
  .object({
    name: ruleFields.name.optional(),
    kind: ruleFields.kind.optional(),
    thresholdCount: ruleFields.thresholdCount,
    windowMinutes: ruleFields.windowMinutes,
    lineNumber: ruleFields.lineNumber.optional(),
    errorContains: ruleFields.errorContains.optional(),
    cooldownMinutes: ruleFields.cooldownMinutes.optional(),
    isEnabled: z.boolean().optional(),
  })
  .strict();
export type RulePatch = z.infer<typeof rulePatchSchema>;

/** The destination fields as the Alerts page names them, for messages about a destination on its own. */
export const DESTINATION_FIELD_NAMES: FieldNames = {
  kind: "Send to",
  url: "The URL",
  to: "The recipient list",
  "to.*": "Recipient {n}",
  locale: "Language",
  isEnabled: "Enabled",
};

/** The rule fields as the Alerts page names them, for messages about a rule with its destinations. */
export const RULE_FIELD_NAMES: FieldNames = {
  name: "Name",
  kind: "Alert when",
  thresholdCount: "Number of errors (N)",
  windowMinutes: "Window in minutes (M)",
  lineNumber: "Only on line",
  errorContains: "Only if the error contains",
  cooldownMinutes: "Cooldown (minutes)",
  isEnabled: "Enabled",
  destinations: "A rule",
  "destinations.*": "Destination {n}",
  "destinations.*.kind": "Destination {n}: send to",
  "destinations.*.url": "Destination {n}: the URL",
  "destinations.*.to": "Destination {n}: the recipient list",
  "destinations.*.to.*": "Destination {n}: a recipient",
  "destinations.*.locale": "Destination {n}: language",
  "destinations.*.isEnabled": "Destination {n}: enabled",
};
