"use client";
// Makes a wallboard link and shows its URL once, with a copy button: open it on the TV, nobody signs in there.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { WALLBOARD_EXPIRY_DAYS, type CreatedWallboard } from "@/lib/shared/wallboards/wallboard-view";
import { formatPhoneNumber } from "@/lib/shared/calls/format";
import { callApi } from "@/components/ui/call-api";
import { Card, Notice, buttonClass, primaryButtonClass } from "@/components/ui/card";
import { CopyableValue } from "@/components/ui/copy-button";
import { useBusyAction } from "@/components/ui/use-busy-action";

const INPUT =
  "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-zinc-500 focus-visible:ring-2 focus-visible:ring-zinc-500/40 dark:border-zinc-700 dark:bg-zinc-900";

function expiryLabel(days: number | null): string {
  if (days === null) return "Never";
  if (days === 1) return "In 1 day";
  return days === 365 ? "In 1 year" : `In ${days} days`;
}

export function NewWallboardCard({ lines }: { lines: { number: string; name: string | null }[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [lineNumber, setLineNumber] = useState("");
  const [expiresInDays, setExpiresInDays] = useState<number | null>(null);
  const [showFullNumbers, setShowFullNumbers] = useState(false);
  const [created, setCreated] = useState<CreatedWallboard | null>(null);
  const { busy, error, run } = useBusyAction();
  const isBusy = busy !== null;

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      setCreated(await callApi<CreatedWallboard>("POST", "/api/wallboards", { name, lineNumber: lineNumber || null, expiresInDays, showFullNumbers }));
      setName("");
      router.refresh();
    });
  };

  return (
    <Card id="new-wallboard" title="New wallboard link">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A wallboard link opens the wall (<code className="font-mono">/wall</code>: live calls, errors and figures in large type) on a TV without an account, and
        nothing else. Customers&apos; numbers show only their last four digits unless you choose otherwise. Make one per screen, so each can be revoked on its own.
      </p>
      <form onSubmit={create} className="grid gap-3 sm:grid-cols-[1fr_14rem_10rem_auto] sm:items-end" data-testid="new-wallboard-form">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Name
          <input name="name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} placeholder="e.g. Support floor TV" className={INPUT} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Line
          <select name="lineNumber" value={lineNumber} onChange={(event) => setLineNumber(event.target.value)} className={INPUT}>
            <option value="">Every line</option>
            {lines.map((line) => (
              <option key={line.number} value={line.number}>
                {line.name ? `${line.name} (${formatPhoneNumber(line.number)})` : formatPhoneNumber(line.number)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Expires
          <select
            name="expiresInDays"
            value={expiresInDays ?? "never"}
            onChange={(event) => setExpiresInDays(event.target.value === "never" ? null : Number(event.target.value))}
            className={INPUT}
          >
            {WALLBOARD_EXPIRY_DAYS.map((days) => (
              <option key={days ?? "never"} value={days ?? "never"}>
                {expiryLabel(days)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={isBusy} className={`${primaryButtonClass} py-2`} data-testid="create-wallboard">
          {isBusy ? "Creating…" : "Create link"}
        </button>
        <label className="flex items-center gap-2 text-sm sm:col-span-4">
          <input type="checkbox" name="showFullNumbers" checked={showFullNumbers} onChange={(event) => setShowFullNumbers(event.target.checked)} />
          Show customers&apos; full numbers on this screen (only where no visitor can read it)
        </label>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      {created && <CreatedWallboardNotice created={created} onDone={() => setCreated(null)} />}
    </Card>
  );
}

function CreatedWallboardNotice({ created, onDone }: { created: CreatedWallboard; onDone: () => void }) {
  return (
    <div data-testid="created-wallboard" className="flex flex-col gap-3 rounded-lg border border-emerald-300 bg-emerald-50/60 p-4 dark:border-emerald-800/60 dark:bg-emerald-950/30">
      <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
        Link “{created.wallboard.name}” is ready. Open it on the TV, or copy it now: Callboard keeps only a hash of its secret and cannot show it again.
      </p>
      <CopyableValue value={created.url} testId="wallboard-url" copyTestId="copy-wallboard-url">
        <button type="button" className={buttonClass} onClick={onDone} data-testid="dismiss-wallboard">
          Done
        </button>
      </CopyableValue>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Add <code className="font-mono">&amp;long=10&amp;very-long=20</code> (minutes) for other long-call marks, or <code className="font-mono">&amp;theme=light</code> for a bright room.
      </p>
    </div>
  );
}
