// npm run seed:calls -- --database-url postgresql://… [--count 1000000]
//
// Fills a database with realistic stored calls (Dutch and English summaries and transcripts, errors, eight lines,
// spread over 180 days) for measuring search at scale: `npm run bench:search` reads them. The calls are made by
// Postgres itself (INSERT … SELECT FROM generate_series, phrases picked from arrays, each combination's words
// computed once: seed-calls-sql.ts), each batch writing its calls and their search rows in one statement, on two
// connections at once (one per core). The secondary indexes of calls and
// call_search are dropped first and built again at the end, which is several times faster than keeping them current
// row by row; the triggers (the search row's, the alert outbox) are off for the seeding sessions: the search rows
// are written with the trigger's own function, and seeded errors are history, not news to alert about. Never point
// it at a database in use.
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { DOCUMENTS_TABLE, seedCallsSql, seedDocumentsSql } from "./seed-calls-sql";

const BATCH = 25_000;
const CONNECTIONS = 2;

function option(name: string, fallback?: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? fallback : process.argv[index + 1];
  if (value === undefined) throw new Error(`--${name} is required.`);
  return value;
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // Nothing here needs to survive a crash before the seed ends; the triggers are replaced by what the seed writes.
  await client.query("SET synchronous_commit = off");
  await client.query("SET session_replication_role = replica");
  await client.query("SET maintenance_work_mem = '256MB'");
  return client;
}

/** Runs the tasks on the clients, each client taking the next task when it is done with one. */
async function runOnEach<T>(clients: pg.Client[], tasks: T[], run: (client: pg.Client, task: T) => Promise<void>): Promise<void> {
  const queue = [...tasks];
  await Promise.all(
    clients.map(async (client) => {
      for (let task = queue.shift(); task !== undefined; task = queue.shift()) await run(client, task);
    }),
  );
}

export async function seedCalls(databaseUrl: string, count: number, log: (line: string) => void = console.log): Promise<void> {
  await migrateDatabase(databaseUrl);
  const clients = await Promise.all(Array.from({ length: CONNECTIONS }, () => connect(databaseUrl)));
  const [client] = clients as [pg.Client];
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  try {
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename IN ('calls', 'call_search')
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    // A batch is one statement, stored whole or not at all: a seed that was stopped goes on with the batches it lacks.
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM calls WHERE id = ANY($1::text[])`, [
      Array.from({ length: Math.ceil(count / BATCH) }, (_, index) => `seed-${index * BATCH + 1}`),
    ]);
    const stored = new Set(rows.map((row) => row.id));
    const batches: { from: number; to: number }[] = [];
    for (let from = 1; from <= count; from += BATCH) if (!stored.has(`seed-${from}`)) batches.push({ from, to: Math.min(count, from + BATCH - 1) });
    await client.query(`DROP TABLE IF EXISTS ${DOCUMENTS_TABLE}`);
    await client.query(seedDocumentsSql());
    let done = count - batches.reduce((sum, { from, to }) => sum + to - from + 1, 0);
    await runOnEach(clients, batches, async (worker, { from, to }) => {
      await worker.query(seedCallsSql(from, to, count));
      done += to - from + 1;
      if (done % 100_000 < BATCH || done === count) log(`${done.toLocaleString("en")} calls (${elapsed()})`);
    });
    await client.query(`DROP TABLE ${DOCUMENTS_TABLE}`);
    // The largest first, so that the two connections end together.
    const ordered = [...indexes].sort((a, b) => Number(/USING gin/i.test(b.definition)) - Number(/USING gin/i.test(a.definition)));
    await runOnEach(clients, ordered, async (worker, index) => {
      await worker.query(index.definition);
      log(`index ${index.name} built (${elapsed()})`);
    });
    await runOnEach(clients, ["calls", "call_search"], async (worker, table) => {
      await worker.query(`VACUUM ANALYZE ${table}`);
    });
    log(`done: ${count.toLocaleString("en")} seeded calls in ${elapsed()}`);
  } finally {
    await Promise.all(clients.map((each) => each.end()));
  }
}

{
  await seedCalls(option("database-url", process.env.DATABASE_URL), Number(option("count", "1000000")));
}
