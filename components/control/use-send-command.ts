"use client";
// Sends one command to a live call through Callboard's control API and follows it: on its way, then Flireo's answer
// in words (or why it was refused).
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { CallCommand } from "@/lib/shared/control/call-command";

export type SendState = { phase: "idle" } | { phase: "sending" } | { phase: "done"; isOk: boolean; message: string };

type ErrorAnswer = { error?: { message?: string; details?: { callEnded?: boolean } } };

export function useSendCommand(callId: string, onCallGone: (callId: string) => void) {
  const t = useTranslations("control.dialog");
  const [state, setState] = useState<SendState>({ phase: "idle" });
  const send = useCallback(
    async (command: CallCommand) => {
      setState({ phase: "sending" });
      try {
        const response = await fetch(`/api/calls/${encodeURIComponent(callId)}/control`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-callboard-client": "board" },
          body: JSON.stringify(command),
          cache: "no-store",
        });
        const json = (await response.json().catch(() => null)) as ({ message?: string } & ErrorAnswer) | null;
        if (response.ok) {
          setState({ phase: "done", isOk: true, message: json?.message ?? t("accepted") });
          return;
        }
        if (json?.error?.details?.callEnded) onCallGone(callId);
        setState({ phase: "done", isOk: false, message: json?.error?.message ?? t("failed", { status: response.status }) });
      } catch {
        setState({ phase: "done", isOk: false, message: t("unreachable") });
      }
    },
    [callId, onCallGone, t],
  );
  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return { state, send, reset };
}
