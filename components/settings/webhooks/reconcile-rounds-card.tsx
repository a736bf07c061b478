// The last rounds of checking the board against Flireo's API: when, what each found and did, and Flireo's error
// in words. Rendered with the page; reload to see newer rounds.
import { Card, Notice } from "@/components/ui/card";
import { describeRound, type ReconcileRoundView } from "@/lib/shared/flireo/reconcile-view";

const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export function ReconcileRoundsCard({ rounds, intervalSeconds }: { rounds: ReconcileRoundView[]; intervalSeconds: number }) {
  const every = intervalSeconds === 0 ? "off (FLIREO_RECONCILE_SECONDS=0)" : `on start and every ${intervalSeconds} s`;
  return (
    <Card id="reconcile-rounds" title="Checked against Flireo" aside={<span className="text-sm text-zinc-500">{every}</span>}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        With an API key, Callboard lists the calls Flireo has had and brings missing or unfinished ones up to date, asks about live calls that went quiet,
        and compares the calls in progress. Run one now with <code className="font-mono">npm run flireo -- reconcile</code>.
      </p>
      {rounds.length === 0 ? (
        <p className="text-sm text-zinc-500" data-testid="reconcile-rounds-empty">
          No round yet: add a Flireo API key above (or set FLIREO_API_KEY).
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {rounds.map((round) => (
            <li key={round.id} data-testid="reconcile-round" className="flex flex-col gap-1 text-sm">
              <span className="font-medium">
                {time.format(new Date(round.finishedAt))} UTC · {round.trigger}
                {round.complete ? "" : " · not finished"}
              </span>
              <span className="text-zinc-600 dark:text-zinc-400">{describeRound(round)}</span>
              {round.error && <Notice tone={round.complete ? "warning" : "error"}>{round.error}</Notice>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
