// A call's words in the reader's language, from the `calls` messages: its status, type, line, missing summary and
// long-call mark. Every screen that shows calls uses these, so a status reads the same everywhere. Client components
// call useCallWords(); a server page passes its own translator: callWords(await getTranslations("calls")).
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { CallStatus } from "@/lib/shared/calls/call-status";
import type { CallView, SummaryState } from "@/lib/shared/calls/call-view";
import type { LongCallLevel } from "@/lib/shared/calls/long-calls";

export type CallsTranslator = ReturnType<typeof useTranslations<"calls">>;

export type CallWords = ReturnType<typeof callWords>;

export function callWords(t: CallsTranslator) {
  return {
    status: (status: CallStatus) => t(`status.${status}`),
    callType: (call: Pick<CallView, "callType">) => t(`type.${call.callType ?? "unknown"}`),
    /** Why a call's type is missing, for a tooltip on it. */
    callTypeHint: (call: Pick<CallView, "callType">) => (call.callType ? undefined : t("type.unknownHint")),
    /** A call's line by name; one that came without (the legacy payload has none) takes the name its line is known by. */
    line: (call: Pick<CallView, "lineName" | "lineNumber">, knownNames?: ReadonlyMap<string, string | null>) =>
      call.lineName ?? (call.lineNumber ? knownNames?.get(call.lineNumber) : null) ?? t("unnamedLine"),
    /** A call's error text, or the words for an error Flireo gave no text for. */
    error: (call: Pick<CallView, "error">) => call.error ?? t("unknownError"),
    /** What stands in for a summary that is not there, and (as a tooltip) what to check when none is coming. */
    missingSummary: (state: Exclude<SummaryState, "summary">) => ({ text: t(`summary.${state}`), hint: state === "no-report" ? t("summary.noReportHint") : undefined }),
    /** The long-call mark in words, for screen readers and tooltips; null for a call that is not long. */
    longCall: (level: LongCallLevel, longCallMinutes: number, veryLongMinutes = 2 * longCallMinutes) =>
      level === "normal" ? null : t(`long.${level}`, { minutes: level === "long" ? longCallMinutes : veryLongMinutes }),
  };
}

export function useCallWords(): CallWords {
  const t = useTranslations("calls");
  return useMemo(() => callWords(t), [t]);
}
