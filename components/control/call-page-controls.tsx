"use client";
// The call page's controls and what is under way ("Ending… requested by …"). The page is rendered again whenever
// the live stream announces a command to this call (call-detail-live.tsx), so its commands come in as props.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Notice } from "@/components/ui/card";
import type { CallCommandView, CallControlSetup } from "@/lib/shared/control/call-command";
import { CallActionButtons } from "./call-actions-menu";
import { CallControlHost } from "./call-control-host";
import { CommandBadge } from "./command-badge";

type CallPageControlsProps = { callId: string; customer: string; isLive: boolean; setup: CallControlSetup | null; commands: CallCommandView[] };

export function CallPageControls({ callId, customer, isLive, setup, commands }: CallPageControlsProps) {
  const t = useTranslations("control");
  const router = useRouter();
  const latest = commands.at(-1);
  const value = useMemo(() => ({ setup, latestCommand: () => latest, onCallGone: () => router.refresh() }), [setup, latest, router]);
  // The host stays when the call ends (the page renders again), so an open dialog can still show Flireo's answer.
  return (
    <CallControlHost value={value}>
      {isLive && (
        <section aria-label={t("actOnThisCall")} className="flex flex-col gap-3 rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <CallActionButtons callId={callId} customer={customer} />
            <CommandBadge callId={callId} />
          </div>
          {setup?.missingApiKey && <Notice tone="info" testId="controls-no-key">{t("noApiKey")}</Notice>}
        </section>
      )}
    </CallControlHost>
  );
}
