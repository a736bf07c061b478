// CPU time used by processes on this machine, read from Linux's /proc, for benchmarks and tests that compare what
// work costs rather than how long it took (wall-clock figures move with whatever else the machine does; CPU time
// barely does). On a system without /proc these return NaN, and the figures print as n/a.
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second in /proc/<pid>/stat: 100 on every Linux this runs on (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) the process has used so far, in ms. */
export function processCpuMs(pid: number): number {
  try {
    // After the ") " that ends the command name, utime and stime are the 12th and 13th fields.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** CPU time used so far by each Postgres process running now (server and backends), in ms, by pid. */
export function postgresCpuByPid(): Map<number, number> {
  const used = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return used;
  }
  for (const pid of pids) {
    let command: string;
    try {
      command = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    } catch {
      continue; // exited meanwhile
    }
    const ms = command === "postgres" ? processCpuMs(Number(pid)) : Number.NaN;
    if (Number.isFinite(ms)) used.set(Number(pid), ms);
  }
  return used;
}

/**
 * Postgres CPU time between two postgresCpuByPid() samples, in ms: what each process still running used since the
 * first (all of it for one started since). A backend that exited in between is not counted, so this is a lower
 * bound; NaN where /proc cannot be read.
 */
export function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  if (after.size === 0) return Number.NaN;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
