"use client";
// The fields of one command: a goodbye for an end, the words to say, where to transfer, the briefing. Ends and
// transfers are confirmed with a second press that names what will happen.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClass } from "@/components/ui/form-controls";
import { MAX_COMMAND_TEXT, type CallCommand, type CallCommandType, type CallControlSetup } from "@/lib/shared/control/call-command";

const TYPED = "__typed";

function TextField({ label, value, onChange, isRequired, testId }: { label: string; value: string; onChange: (value: string) => void; isRequired?: boolean; testId: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{label}</span>
      <textarea
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={MAX_COMMAND_TEXT}
        required={isRequired}
        rows={3}
        data-testid={testId}
        className={inputClass}
      />
      <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
        {`${value.length} / ${MAX_COMMAND_TEXT}`}
      </span>
    </label>
  );
}

function Check({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange: (checked: boolean) => void; testId: string }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} data-testid={testId} className="size-4" />
      {label}
    </label>
  );
}

export type CommandDraft = { text: string; flag: boolean; destination: string; typedNumber: string };

export const EMPTY_DRAFT: CommandDraft = { text: "", flag: false, destination: "", typedNumber: "" };

/** The command the fields describe, or null while something required is missing. */
export function toCommand(type: CallCommandType, draft: CommandDraft): CallCommand | null {
  const text = draft.text.trim();
  if (type === "end-call") return { type, ...(text ? { message: text } : {}) };
  if (type === "say") return text ? { type, content: text, end_after: draft.flag } : null;
  if (type === "inject-context") return text ? { type, content: text, trigger_response: draft.flag } : null;
  const destination = draft.destination === TYPED ? draft.typedNumber.trim() : draft.destination;
  return destination ? { type, destination, ...(text ? { message: text } : {}) } : null;
}

/** What a confirmation says will happen, for the commands that ask for one (null for the others). */
export function useConfirmationText(): (command: CallCommand, setup: CallControlSetup, customer: string) => string | null {
  const t = useTranslations("control.form");
  return (command, setup, customer) => {
    if (command.type === "end-call") return t("confirmEnd", { customer, goodbye: command.message ? "yes" : "no" });
    if (command.type !== "transfer") return null;
    const listed = setup.destinations.find((entry) => entry.destination === command.destination);
    return t("confirmTransfer", { customer, destination: listed ? `${listed.name} (${listed.destination})` : command.destination });
  };
}

export function CommandFields({ type, draft, setDraft, setup }: { type: CallCommandType; draft: CommandDraft; setDraft: (draft: CommandDraft) => void; setup: CallControlSetup }) {
  const t = useTranslations("control.form");
  const set = (patch: Partial<CommandDraft>) => setDraft({ ...draft, ...patch });
  if (type === "end-call") return <TextField label={t("goodbye")} value={draft.text} onChange={(text) => set({ text })} testId="command-text" />;
  if (type === "say") {
    return (
      <>
        <TextField label={t("say")} value={draft.text} onChange={(text) => set({ text })} isRequired testId="command-text" />
        <Check label={t("endAfter")} checked={draft.flag} onChange={(flag) => set({ flag })} testId="command-flag" />
      </>
    );
  }
  if (type === "inject-context") {
    return (
      <>
        <TextField label={t("briefing")} value={draft.text} onChange={(text) => set({ text })} isRequired testId="command-text" />
        <Check label={t("respondNow")} checked={draft.flag} onChange={(flag) => set({ flag })} testId="command-flag" />
      </>
    );
  }
  return <TransferFields draft={draft} set={set} setup={setup} />;
}

function TransferFields({ draft, set, setup }: { draft: CommandDraft; set: (patch: Partial<CommandDraft>) => void; setup: CallControlSetup }) {
  const t = useTranslations("control.form");
  const [hasNoChoice] = useState(setup.destinations.length === 0 && !setup.allowTypedNumbers);
  if (hasNoChoice) return <p className="text-sm text-zinc-600 dark:text-zinc-300">{t("noDestinations")}</p>;
  return (
    <>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t("transferTo")}</span>
        <select value={draft.destination} onChange={(event) => set({ destination: event.target.value })} required data-testid="command-destination" className={inputClass}>
          <option value="">{t("choose")}</option>
          {setup.destinations.map((entry) => (
            <option key={entry.id} value={entry.destination}>
              {entry.name} – {entry.destination}
            </option>
          ))}
          {setup.allowTypedNumbers && <option value={TYPED}>{t("otherNumber")}</option>}
        </select>
      </label>
      {draft.destination === TYPED && (
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("number")}</span>
          <input type="tel" value={draft.typedNumber} onChange={(event) => set({ typedNumber: event.target.value })} placeholder="+31201234567" data-testid="command-number" className={inputClass} />
        </label>
      )}
      <TextField label={t("sayBeforeTransfer")} value={draft.text} onChange={(text) => set({ text })} testId="command-text" />
    </>
  );
}
