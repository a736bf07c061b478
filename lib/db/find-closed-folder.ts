// Whether another account can reach a path: run as root, the embedded Postgres runs as the system user "postgres",
// and a clone under /root (or any 0700 parent) is closed to it; initdb then dies with a bare EACCES.
import { statSync, type Stats } from "node:fs";
import path from "node:path";

export type Account = { uid: number; gid: number };

const EXECUTE = { owner: 0o100, group: 0o010, other: 0o001 };

/**
 * Node spawns a process with `uid`/`gid` after dropping every supplementary group (libuv's setgroups(0)), so the
 * kernel's check for that process is exactly this: the owner's bits, else the primary group's, else the others'.
 * (No library answers "may uid X enter this folder" without running as X; ACLs are not considered.)
 */
function canEnter(stats: Stats, account: Account): boolean {
  if (account.uid === 0) return true;
  const bit = stats.uid === account.uid ? EXECUTE.owner : stats.gid === account.gid ? EXECUTE.group : EXECUTE.other;
  return (stats.mode & bit) !== 0;
}

/**
 * The first folder on the way from `/` to `folder` (itself included) that `account` may not pass through, or null.
 * Folders that do not exist yet are skipped: they will be made for the account.
 */
export function findClosedFolder(folder: string, account: Account): string | null {
  const chain: string[] = [];
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    chain.unshift(current);
    if (current === path.dirname(current)) break;
  }
  for (const current of chain) {
    let stats: Stats;
    try {
      stats = statSync(current);
    } catch {
      return null;
    }
    if (!canEnter(stats, account)) return current;
  }
  return null;
}
