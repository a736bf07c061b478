"use client";
// Switches a link between masked and full numbers after a confirmation: its open screens load the wall again and
// reconnect, with numbers as the link now says. The outcome, or why it was refused, in words beside the button.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { WallboardView } from "@/lib/shared/wallboards/wallboard-view";
import { callApi } from "@/components/ui/call-api";
import { buttonClass } from "@/components/ui/card";
import { useBusyAction } from "@/components/ui/use-busy-action";

export function WallboardMaskingButton({ id, name, isMasked }: { id: string; name: string; isMasked: boolean }) {
  const t = useTranslations("wallboards.masking");
  const router = useRouter();
  const { busy, error, run } = useBusyAction();
  const [outcome, setOutcome] = useState<string | null>(null);
  const isBusy = busy !== null;
  const showFullNumbers = isMasked;
  const change = () => {
    if (!window.confirm(t(showFullNumbers ? "confirmShowFull" : "confirmMask", { name }))) return;
    setOutcome(null);
    void run(async () => {
      const { wallboard } = await callApi<{ wallboard: WallboardView }>("PATCH", `/api/wallboards/${encodeURIComponent(id)}`, { showFullNumbers });
      setOutcome(t(wallboard.isMasked ? "nowMasked" : "nowFull", { name: wallboard.name }));
      router.refresh();
    });
  };
  return (
    <span className="inline-flex max-w-full flex-col items-end gap-1">
      <button
        type="button"
        className={buttonClass}
        disabled={isBusy}
        onClick={change}
        aria-label={t(showFullNumbers ? "showFullLabel" : "maskLabel", { name })}
        data-testid="wallboard-masking"
        data-masked={isMasked}
      >
        {isBusy ? t("changing") : t(showFullNumbers ? "showFull" : "mask")}
      </button>
      <span role="status" className="max-w-56 text-right text-xs [overflow-wrap:anywhere] text-emerald-800 empty:hidden dark:text-emerald-300" data-testid="wallboard-masking-outcome">
        {outcome}
      </span>
      {error && (
        <span role="alert" className="max-w-56 text-right text-xs [overflow-wrap:anywhere] text-red-700 dark:text-red-400" data-testid="wallboard-masking-error">
          {error}
        </span>
      )}
    </span>
  );
}
