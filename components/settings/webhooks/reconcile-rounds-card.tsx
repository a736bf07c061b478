// The last rounds of checking the board against Flireo's API: when, what each found and did, and Flireo's error
// in words. Rendered with the page; reload to see newer rounds.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Card, Notice } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/time-zone";
import type { ReconcileRoundView } from "@/lib/shared/flireo/reconcile-view";

/** One round in a line: what it found and did (lib/shared/flireo/reconcile-view.ts says it in English for the log). */
function RoundSummary({ round }: { round: ReconcileRoundView }) {
  const t = useTranslations("webhooks.reconcile");
  const { flireoActive, boardLive } = round;
  return (
    <span className="text-zinc-600 dark:text-zinc-400">
      {t("summary", { listed: round.listed, backfilled: round.backfilled, closed: round.closed, updated: round.updated, confirmed: round.confirmed, unresolved: round.unresolved, requests: round.requests })}
      {flireoActive !== null && boardLive !== null && t("inProgress", { flireo: flireoActive, board: boardLive })}
    </span>
  );
}

export function ReconcileRoundsCard({ rounds, intervalSeconds }: { rounds: ReconcileRoundView[]; intervalSeconds: number }) {
  const t = useTranslations("webhooks.reconcile");
  return (
    <Card id="reconcile-rounds" title={t("title")} aside={<span className="text-sm text-zinc-500">{intervalSeconds === 0 ? t("off") : t("every", { seconds: intervalSeconds })}</span>}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t.rich("intro", { code: (chunks: ReactNode) => <code className="font-mono">{chunks}</code> })}</p>
      {rounds.length === 0 ? (
        <p className="text-sm text-zinc-500" data-testid="reconcile-rounds-empty">
          {t("empty")}
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {rounds.map((round) => (
            <li key={round.id} data-testid="reconcile-round" className="flex flex-col gap-1 text-sm">
              <span className="font-medium">
                <LocalTime iso={round.finishedAt} format="day-time" /> · {t(`triggers.${round.trigger === "start" || round.trigger === "schedule" ? round.trigger : "command"}`)}
                {!round.complete && ` · ${t("notFinished")}`}
              </span>
              <RoundSummary round={round} />
              {round.error && <Notice tone={round.complete ? "warning" : "error"}>{round.error}</Notice>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
