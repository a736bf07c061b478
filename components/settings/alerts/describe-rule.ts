// How a rule and its cooldown read on its card, in the page's language: "More than 5 errors in 10 min, on line …".
import { useTranslations } from "next-intl";
import type { AlertRuleView } from "@/lib/shared/alerts/alert-view";

type RuleTranslator = ReturnType<typeof useTranslations<"alerts.rule">>;
type DescribedRule = Pick<AlertRuleView, "kind" | "thresholdCount" | "windowMinutes" | "lineNumber" | "errorContains">;

/** "Every call that ends with an error" / "More than 5 errors in 10 min", plus filters. */
export function describeRule(rule: DescribedRule, t: RuleTranslator): string {
  const base = rule.kind === "threshold" ? t("describe.threshold", { count: rule.thresholdCount ?? 0, minutes: rule.windowMinutes ?? 0 }) : t("describe.eachError");
  const filters = [
    rule.lineNumber ? t("describe.onLine", { line: rule.lineNumber }) : null,
    rule.errorContains ? t("describe.errorContains", { text: rule.errorContains }) : null,
  ].filter(Boolean);
  return filters.length > 0 ? `${base}, ${filters.join(", ")}` : base;
}

export function formatCooldown(minutes: number, t: RuleTranslator): string {
  if (minutes === 0) return t("cooldown.none");
  if (minutes < 1) return t("cooldown.seconds", { value: Math.round(minutes * 60) });
  if (minutes % 60 === 0) return t("cooldown.hours", { value: minutes / 60 });
  return t("cooldown.minutes", { value: Number(minutes.toFixed(2)) });
}

/** Both, in the page's language. */
export function useRuleWords() {
  const t = useTranslations("alerts.rule");
  return { describeRule: (rule: DescribedRule) => describeRule(rule, t), formatCooldown: (minutes: number) => formatCooldown(minutes, t) };
}
