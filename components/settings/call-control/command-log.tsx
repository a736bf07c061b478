// The audit trail for admins: every command sent to live calls, newest first, narrowed by who sent it and when
// (the same list as GET /api/calls/commands). A plain GET form, so a filtered view is a link. Times in the reader's
// language and zone.
import { useTranslations } from "next-intl";
import { Card, buttonClass } from "@/components/ui/card";
import { inputClass } from "@/components/ui/form-controls";
import { LocalTime } from "@/components/ui/time-zone";
import type { CallCommand, CallCommandView } from "@/lib/shared/control/call-command";

type Translate = ReturnType<typeof useTranslations<"callControl.log">>;

/** The command's own words: what was said, to whom it went. */
function describeCommand(command: CallCommand, t: Translate): string {
  switch (command.type) {
    case "end-call":
      return command.message ? t("describe.endSaying", { message: command.message }) : t("describe.end");
    case "say":
      return t(command.end_after ? "describe.sayThenEnd" : "describe.say", { content: command.content });
    case "transfer":
      return command.message ? t("describe.transferSaying", { destination: command.destination, message: command.message }) : t("describe.transfer", { destination: command.destination });
    case "inject-context":
      return t(command.trigger_response ? "describe.briefNow" : "describe.brief", { content: command.content });
  }
}

export function CommandLog({ commands, filter }: { commands: CallCommandView[]; filter: { user: string; from: string; to: string } }) {
  const t = useTranslations("callControl.log");
  return (
    <Card id="command-log" title={t("title")} aside={<span className="text-sm text-zinc-500 dark:text-zinc-400">{t("shown", { count: commands.length })}</span>}>
      <form method="get" className="grid gap-3 text-sm sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("user")}</span>
          <input name="user" defaultValue={filter.user} className={inputClass} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("from")}</span>
          <input name="from" type="datetime-local" defaultValue={filter.from} className={inputClass} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("to")}</span>
          <input name="to" type="datetime-local" defaultValue={filter.to} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass}>{t("filter")}</button>
      </form>
      <ul className="flex flex-col divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="command-log-list">
        {commands.length === 0 && <li className="py-2 text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</li>}
        {commands.map((command) => (
          <li key={command.id} className="flex flex-col gap-0.5 py-2 text-sm" data-testid="command-log-entry">
            <span>
              <LocalTime iso={command.requestedAt} format="day-time" className="tabular-nums" /> ·{" "}
              {t.rich("entry", {
                command: (chunks) => <span className="font-medium">{chunks}</span>,
                name: t(`commands.${command.type}`),
                actor: command.actor,
              })}{" "}
              · <a href={`/calls/${encodeURIComponent(command.callId)}`} className="font-mono text-xs text-sky-700 hover:underline dark:text-sky-300">{command.callId}</a> ·{" "}
              {t(`outcomes.${command.outcome}`)}
            </span>
            <span className="break-words text-zinc-600 dark:text-zinc-300">{describeCommand(command.command, t)}</span>
            {command.answer && <span className="break-words text-zinc-500 dark:text-zinc-400">{command.answer}</span>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
