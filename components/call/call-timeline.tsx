// A call's timeline: its webhook events and the commands people sent it, in the order they happened, each event with
// its raw payload and each command with who sent it and Flireo's answer.
import { callEventLabel } from "@/components/call/call-labels";
import { COMMAND_LABEL, describeCommand, type CallCommandView } from "@/lib/shared/control/call-command";

type TimelineEvent = { id: string; type: string; status: string | null; occurredAt: string; receivedAt: string; payload: unknown };

const preciseTime = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3 });

const OUTCOME = {
  pending: { text: "sent, no answer yet", className: "text-amber-700 dark:text-amber-300" },
  ok: { text: "Flireo accepted it", className: "text-emerald-700 dark:text-emerald-400" },
  refused: { text: "refused", className: "text-red-700 dark:text-red-400" },
  failed: { text: "not confirmed", className: "text-red-700 dark:text-red-400" },
} as const;

const SOURCE = { board: "from Callboard", api: "through the API", cli: "from the command line" } as const;

function Json({ value }: { value: unknown }) {
  return (
    <pre className="max-h-96 overflow-auto rounded-lg bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function EventEntry({ event }: { event: TimelineEvent }) {
  return (
    <li data-testid="timeline-event" data-type={event.type} data-status={event.status ?? ""} className="relative">
      <span aria-hidden className="absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-zinc-400 ring-4 ring-white dark:ring-zinc-900" />
      <div className="flex flex-wrap items-baseline gap-x-3">
        <time dateTime={event.occurredAt} className="font-mono text-sm font-semibold tabular-nums">{preciseTime.format(new Date(event.occurredAt))}</time>
        <span className="font-semibold">{callEventLabel(event)}</span>
        <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
          {event.type}
          {event.status && ` · ${event.status}`}
        </span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">received {preciseTime.format(new Date(event.receivedAt))}</span>
      </div>
      <details className="mt-1">
        <summary className="cursor-pointer text-sm text-sky-700 dark:text-sky-300">Raw payload</summary>
        <Json value={event.payload} />
      </details>
    </li>
  );
}

function CommandEntry({ command }: { command: CallCommandView }) {
  const outcome = OUTCOME[command.outcome];
  return (
    <li data-testid="timeline-command" data-type={command.type} data-outcome={command.outcome} className="relative">
      <span aria-hidden className="absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-amber-500 ring-4 ring-white dark:ring-zinc-900" />
      <div className="flex flex-wrap items-baseline gap-x-3">
        <time dateTime={command.requestedAt} className="font-mono text-sm font-semibold tabular-nums">{preciseTime.format(new Date(command.requestedAt))}</time>
        <span className="font-semibold">{COMMAND_LABEL[command.type]}</span>
        <span className="text-sm" data-testid="timeline-command-actor">requested by {command.actor}</span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{SOURCE[command.source]}</span>
        <span className={`text-xs font-medium ${outcome.className}`}>{outcome.text}</span>
      </div>
      <p className="mt-1 text-sm break-words text-zinc-700 dark:text-zinc-300">{describeCommand(command.command)}</p>
      {command.answer && <p className="mt-0.5 text-sm break-words text-zinc-500 dark:text-zinc-400" data-testid="timeline-command-answer">{command.answer}</p>}
    </li>
  );
}

export function CallTimeline({ events, commands }: { events: TimelineEvent[]; commands: CallCommandView[] }) {
  const entries = [
    ...events.map((event) => ({ at: Date.parse(event.occurredAt), node: <EventEntry key={`event-${event.id}`} event={event} /> })),
    ...commands.map((command) => ({ at: Date.parse(command.requestedAt), node: <CommandEntry key={`command-${command.id}`} command={command} /> })),
  ].sort((a, b) => a.at - b.at);
  const count = events.length + commands.length;
  return (
    <section className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900" data-testid="detail-timeline">
      <h2 className="mb-3 text-base font-semibold tracking-tight">{`Timeline · ${count} ${count === 1 ? "event" : "events"}`}</h2>
      <ol className="relative flex flex-col gap-4 border-l border-zinc-200 pl-5 dark:border-zinc-700">{entries.map((entry) => entry.node)}</ol>
    </section>
  );
}
