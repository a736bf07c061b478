"use client";
// A quiet line while Flireo's count of calls in progress and the board's have disagreed on two checks in a row: the
// board may be missing calls, or showing some that ended; reconciliation is bringing it back in line.
import { useTranslations } from "next-intl";
import type { DriftNotice as Drift } from "@/lib/shared/flireo/reconcile-view";

export function DriftNotice({ drift }: { drift: Drift | null | undefined }) {
  const t = useTranslations("board");
  if (!drift) return null;
  return (
    <p role="status" data-testid="drift-notice" className="rounded-lg border border-slate-300 bg-slate-50 px-4 py-2 text-sm text-slate-700 dark:border-slate-600 dark:bg-slate-800/60 dark:text-slate-200">
      {t("drift", { flireo: drift.flireoActive, board: drift.boardLive })}
    </p>
  );
}
