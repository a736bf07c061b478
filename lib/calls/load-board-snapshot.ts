// Loads the board's calls in one consistent go, for the page and for the resync API.
import type { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import type { BoardSnapshot } from "./call-view";
import { findLiveCalls, findRecentErrors } from "./find-board-calls";
import { parseNumberSearch } from "./number-search";

export async function loadBoardSnapshot(prisma: PrismaClient, query: string): Promise<BoardSnapshot> {
  const pattern = parseNumberSearch(query, env.DEFAULT_COUNTRY);
  // Read the version counter first: whatever changed before it is in the lists read after it.
  const [sequence] = await prisma.$queryRaw<{ last_value: bigint; is_called: boolean }[]>`
    SELECT last_value, is_called FROM calls_version_seq`;
  const asOfVersion = sequence?.is_called ? Number(sequence.last_value) : 0;
  const [live, errors] = await Promise.all([findLiveCalls(prisma, pattern), findRecentErrors(prisma, pattern)]);
  return { query, live, errors, asOfVersion };
}
