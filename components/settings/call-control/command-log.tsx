// The audit trail for admins: every command sent to live calls, newest first, narrowed by who sent it and when
// (the same list as GET /api/calls/commands). A plain GET form, so a filtered view is a link.
import { Card, buttonClass } from "@/components/ui/card";
import { inputClass } from "@/components/ui/form-controls";
import { COMMAND_LABEL, describeCommand, type CallCommandView } from "@/lib/shared/control/call-command";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "short", timeStyle: "medium" });

export function CommandLog({ commands, filter }: { commands: CallCommandView[]; filter: { user: string; from: string; to: string } }) {
  return (
    <Card id="command-log" title="Commands sent to calls" aside={<span className="text-sm text-zinc-500 dark:text-zinc-400">{commands.length} shown</span>}>
      <form method="get" className="grid gap-3 text-sm sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
        <label className="flex flex-col gap-1">
          <span className="font-medium">User (email, or cli)</span>
          <input name="user" defaultValue={filter.user} className={inputClass} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">From</span>
          <input name="from" type="datetime-local" defaultValue={filter.from} className={inputClass} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">To</span>
          <input name="to" type="datetime-local" defaultValue={filter.to} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass}>Filter</button>
      </form>
      <ul className="flex flex-col divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="command-log-list">
        {commands.length === 0 && <li className="py-2 text-sm text-zinc-500 dark:text-zinc-400">No commands.</li>}
        {commands.map((command) => (
          <li key={command.id} className="flex flex-col gap-0.5 py-2 text-sm" data-testid="command-log-entry">
            <span>
              <time dateTime={command.requestedAt} className="tabular-nums">{dateTime.format(new Date(command.requestedAt))}</time> ·{" "}
              <span className="font-medium">{COMMAND_LABEL[command.type]}</span> by {command.actor} ·{" "}
              <a href={`/calls/${encodeURIComponent(command.callId)}`} className="font-mono text-xs text-sky-700 hover:underline dark:text-sky-300">{command.callId}</a> · {command.outcome}
            </span>
            <span className="break-words text-zinc-600 dark:text-zinc-300">{describeCommand(command.command)}</span>
            {command.answer && <span className="break-words text-zinc-500 dark:text-zinc-400">{command.answer}</span>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
