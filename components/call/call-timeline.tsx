// A call's timeline: its webhook events and the commands people sent it, in the order they happened, each event with
// its raw payload and each command with who sent it and Flireo's answer.
// A long timeline shows its first page of events; the rest come a page at a time on request.
import { useTranslations } from "next-intl";
import type { CallCommand, CallCommandView } from "@/lib/shared/control/call-command";
import type { CallEventPage } from "@/lib/shared/calls/call-event-view";
import { LocalTime } from "@/components/ui/time-zone";
import { MoreTimelineEvents } from "./more-timeline-events";
import { TimelineEvent } from "./timeline-event";

const OUTCOME_CLASS = {
  pending: "text-amber-700 dark:text-amber-300",
  ok: "text-emerald-700 dark:text-emerald-400",
  refused: "text-red-700 dark:text-red-400",
  failed: "text-red-700 dark:text-red-400",
} as const;

type Translate = ReturnType<typeof useTranslations<"call.commands">>;

/** The command's own words: what was said, to whom it went. */
function describeCommand(t: Translate, command: CallCommand): string {
  switch (command.type) {
    case "end-call":
      return command.message ? t("describe.endCallSaying", { message: command.message }) : t("describe.endCall");
    case "say":
      return t(command.end_after ? "describe.sayThenEnd" : "describe.say", { content: command.content });
    case "transfer":
      return command.message ? t("describe.transferSaying", { destination: command.destination, message: command.message }) : t("describe.transfer", { destination: command.destination });
    case "inject-context":
      return t(command.trigger_response ? "describe.briefRespondNow" : "describe.brief", { content: command.content });
  }
}

function CommandEntry({ command }: { command: CallCommandView }) {
  const t = useTranslations("call.commands");
  return (
    <li data-testid="timeline-command" data-type={command.type} data-outcome={command.outcome} className="relative">
      <span aria-hidden className="absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-amber-500 ring-4 ring-white dark:ring-zinc-900" />
      <div className="flex flex-wrap items-baseline gap-x-3">
        <LocalTime iso={command.requestedAt} format="precise" className="font-mono text-sm font-semibold tabular-nums" />
        <span className="font-semibold">{t(`type.${command.type}`)}</span>
        <span className="text-sm" data-testid="timeline-command-actor">{t("requestedBy", { actor: command.actor })}</span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{t(`source.${command.source}`)}</span>
        <span className={`text-xs font-medium ${OUTCOME_CLASS[command.outcome]}`}>{t(`outcome.${command.outcome}`)}</span>
      </div>
      <p className="mt-1 text-sm break-words text-zinc-700 dark:text-zinc-300">{describeCommand(t, command.command)}</p>
      {command.answer && <p className="mt-0.5 text-sm break-words text-zinc-500 dark:text-zinc-400" data-testid="timeline-command-answer">{command.answer}</p>}
    </li>
  );
}

export function CallTimeline({ callId, timeline, commands }: { callId: string; timeline: CallEventPage & { total: number }; commands: CallCommandView[] }) {
  const t = useTranslations("call.timeline");
  const { events, nextAfter, total } = timeline;
  const entries = [
    ...events.map((event) => ({ at: Date.parse(event.occurredAt), node: <TimelineEvent key={`event-${event.id}`} event={event} /> })),
    ...commands.map((command) => ({ at: Date.parse(command.requestedAt), node: <CommandEntry key={`command-${command.id}`} command={command} /> })),
  ].sort((a, b) => a.at - b.at);
  return (
    <section className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900" data-testid="detail-timeline">
      <h2 className="mb-3 text-base font-semibold tracking-tight">{t("heading", { count: total + commands.length })}</h2>
      <ol className="relative flex flex-col gap-4 border-l border-zinc-200 pl-5 dark:border-zinc-700">
        {entries.map((entry) => entry.node)}
        {nextAfter !== null && <MoreTimelineEvents callId={callId} after={nextAfter} remaining={total - events.length} />}
      </ol>
    </section>
  );
}
