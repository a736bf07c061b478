"use client";
// One command in a modal dialog (the browser's own <dialog>: focus kept inside, Escape closes): its fields, a
// confirmation where the command ends or moves the call, then "Sending to Flireo…" and Flireo's answer in words.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { buttonClass, primaryButtonClass } from "@/components/ui/card";
import type { CallCommand, CallCommandType } from "@/lib/shared/control/call-command";
import { useCallControl } from "./call-control-context";
import { CommandFields, EMPTY_DRAFT, toCommand, useConfirmationText, type CommandDraft } from "./command-form";
import { useSendCommand } from "./use-send-command";

/** Ending and transferring take the call away from the agent: they are confirmed first. */
const ASKS_FIRST = new Set<CallCommandType>(["end-call", "transfer"]);

type CommandDialogProps = { callId: string; customer: string; type: CallCommandType; onClose: () => void };

export function CommandDialog({ callId, customer, type, onClose }: CommandDialogProps) {
  const t = useTranslations("control");
  const confirmationText = useConfirmationText();
  const { setup, onCallGone } = useCallControl();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<CommandDraft>(EMPTY_DRAFT);
  const [confirming, setConfirming] = useState<{ command: CallCommand; text: string } | null>(null);
  const { state, send } = useSendCommand(callId, onCallGone);
  useEffect(() => {
    dialogRef.current?.showModal();
  }, []);
  if (!setup) return null;
  const command = toCommand(type, draft);
  const submit = () => {
    if (!command) return;
    const text = confirming ? null : confirmationText(command, setup, customer);
    if (text) return setConfirming({ command, text });
    void send(confirming?.command ?? command);
  };
  const isSent = state.phase !== "idle";
  return (
    <dialog
      ref={dialogRef}
      onClose={onClose}
      aria-labelledby="command-dialog-title"
      data-testid="command-dialog"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form
        method="dialog"
        className="flex flex-col gap-4 p-5"
        onSubmit={(event) => {
          if (isSent) return;
          event.preventDefault();
          submit();
        }}
      >
        <h2 id="command-dialog-title" className="text-lg font-semibold">
          {t(`command.${type}`)} · <span className="tabular-nums">{customer}</span>
        </h2>
        {setup.missingApiKey ? (
          <p className="text-sm" data-testid="command-no-key">{t("noApiKey")}</p>
        ) : isSent ? (
          <SendProgress state={state} />
        ) : confirming ? (
          <p className="text-sm font-medium" data-testid="command-confirmation">{confirming.text}</p>
        ) : (
          <CommandFields type={type} draft={draft} setDraft={setDraft} setup={setup} />
        )}
        <div className="flex justify-end gap-2">
          {isSent || setup.missingApiKey ? (
            <button type="submit" className={buttonClass} autoFocus>{t("dialog.close")}</button>
          ) : (
            <>
              <button type="button" className={buttonClass} onClick={() => (confirming ? setConfirming(null) : dialogRef.current?.close())}>
                {t(confirming ? "dialog.back" : "dialog.cancel")}
              </button>
              <button type="submit" disabled={!command} className={primaryButtonClass} data-testid="command-submit">
                {confirming ? t(`confirm.${type}`) : `${t(`command.${type}`)}${ASKS_FIRST.has(type) ? "…" : ""}`}
              </button>
            </>
          )}
        </div>
      </form>
    </dialog>
  );
}

function SendProgress({ state }: { state: ReturnType<typeof useSendCommand>["state"] }) {
  const t = useTranslations("control.dialog");
  if (state.phase === "sending") {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-300" data-testid="command-state" data-state="sending">
        {t("sending")}
      </p>
    );
  }
  if (state.phase !== "done") return null;
  return (
    <p
      role={state.isOk ? "status" : "alert"}
      data-testid="command-state"
      data-state={state.isOk ? "ok" : "refused"}
      className={`rounded-lg border px-3 py-2 text-sm ${state.isOk ? "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800/60 dark:bg-emerald-950/40 dark:text-emerald-200" : "border-red-300 bg-red-50 text-red-900 dark:border-red-800/60 dark:bg-red-950/40 dark:text-red-200"}`}
    >
      {state.message}
    </p>
  );
}
