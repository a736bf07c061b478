// Loads the board's calls in one consistent go, for the page and for the resync API.
import type { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { callFilterKey, compileCallFilter, type CallFilter } from "@/lib/shared/calls/call-filter";
import type { BoardSnapshot } from "@/lib/shared/calls/call-view";
import type { CallCommandView } from "@/lib/shared/control/call-command";
import { findLines, findLiveCalls, findRecentErrors, findRecentlyEnded } from "./find-board-calls";

/** `findCommands` gives the latest command of each of the live calls (lib/call-control keeps them). */
export async function loadBoardSnapshot(
  prisma: PrismaClient,
  filter: CallFilter,
  findCommands: (callIds: string[]) => Promise<CallCommandView[]>,
): Promise<BoardSnapshot> {
  const compiled = compileCallFilter(filter, env.DEFAULT_COUNTRY);
  const now = Date.now();
  // Read the version counter first: whatever changed before it is in the lists read after it.
  const [sequence] = await prisma.$queryRaw<{ last_value: bigint; is_called: boolean }[]>`
    SELECT last_value, is_called FROM calls_version_seq`;
  const asOfVersion = sequence?.is_called ? Number(sequence.last_value) : 0;
  const [live, errors, ended, lines, lastStored] = await Promise.all([
    findLiveCalls(prisma, compiled, now),
    findRecentErrors(prisma, compiled, now),
    findRecentlyEnded(prisma, compiled, now),
    findLines(prisma),
    // The delivery log's (outcome, received_at) index makes this one index probe.
    prisma.$queryRaw<{ at: Date | null }[]>`SELECT max(received_at) AS at FROM webhook_deliveries WHERE outcome = 'stored'`,
  ]);
  const lastStoredAt = lastStored[0]?.at?.toISOString() ?? null;
  const commands = await findCommands(live.map((call) => call.id));
  return { filterKey: callFilterKey(filter), live, errors, ended, lines, asOfVersion, lastStoredAt, commands };
}
