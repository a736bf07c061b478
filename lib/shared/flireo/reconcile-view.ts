// Checking the board against Flireo's API, as the webhooks page and the board show it. Safe in the browser.

export type ReconcileRoundView = {
  id: string;
  /** start | schedule | command */
  trigger: string;
  startedAt: string;
  finishedAt: string;
  since: string;
  until: string;
  complete: boolean;
  listed: number;
  backfilled: number;
  closed: number;
  updated: number;
  confirmed: number;
  unresolved: number;
  requests: number;
  flireoActive: number | null;
  boardLive: number | null;
  error: string | null;
};

/** Flireo and the board disagreed on the calls in progress two rounds in a row. */
export type DriftNotice = { flireoActive: number; boardLive: number; checkedAt: string };

export function describeDrift(notice: DriftNotice): string {
  const calls = (count: number) => `${count} call${count === 1 ? "" : "s"}`;
  return `Flireo counts ${calls(notice.flireoActive)} in progress; the board shows ${notice.boardLive}. Reconciling…`;
}

/** One round in a line: what it found and did. */
export function describeRound(round: ReconcileRoundView): string {
  const parts = [
    `${round.listed} listed`,
    `${round.backfilled} backfilled`,
    `${round.closed} closed`,
    `${round.updated} brought up to date`,
    `${round.confirmed} confirmed live`,
    `${round.unresolved} left unresolved`,
    `${round.requests} request${round.requests === 1 ? "" : "s"} to Flireo`,
  ];
  if (round.flireoActive !== null && round.boardLive !== null) parts.push(`in progress: Flireo ${round.flireoActive}, board ${round.boardLive}`);
  return parts.join(", ");
}
