// Retention for the raw webhook events: events received longer ago than the retention are deleted in small
// batches, oldest first. Calls are not touched, so every call keeps its final state; only its timeline shortens.
import type { PrismaClient } from "@/lib/db/generated/client";

export async function pruneCallEvents(
  prisma: PrismaClient,
  options: { retentionDays: number; batchSize?: number; maxBatches?: number; now?: Date },
): Promise<number> {
  const batchSize = options.batchSize ?? 1_000;
  const maxBatches = options.maxBatches ?? 50;
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 24 * 60 * 60 * 1000);
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    // Ids grow with arrival, so the oldest events are the lowest ids: looking only at the next `batchSize` of
    // them keeps each statement short (no scan of the table for old rows), and ingestion never waits on it.
    const count = await prisma.$executeRaw`
      DELETE FROM call_events WHERE id IN (SELECT id FROM call_events ORDER BY id LIMIT ${batchSize})
        AND received_at < ${cutoff}`;
    deleted += count;
    if (count < batchSize) break;
  }
  return deleted;
}
