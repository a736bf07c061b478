// npm run seed:calls -- --database-url postgresql://… [--count 1000000]
//
// Fills a database with realistic stored calls (Dutch and English summaries and transcripts, errors, eight lines,
// spread over 180 days) for measuring search at scale: `npm run bench:search` reads them. The calls are made by
// Postgres (generate_series) in batches; the table's secondary indexes are dropped first and built again at the end,
// which is several times faster than keeping them current row by row. Its triggers (the alert outbox) are off for
// the seeding session: seeded errors are history, not news to alert about. Never point it at a database in use.
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedCallsSql } from "./seed-calls-sql";

const BATCH = 50_000;

function option(name: string, fallback?: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? fallback : process.argv[index + 1];
  if (value === undefined) throw new Error(`--${name} is required.`);
  return value;
}

export async function seedCalls(databaseUrl: string, count: number, log: (line: string) => void = console.log): Promise<void> {
  await migrateDatabase(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  try {
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'calls' AND indexname <> 'calls_pkey'`,
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    await client.query("SET session_replication_role = replica");
    const { rows } = await client.query<{ seeded: string }>(`SELECT count(*) AS seeded FROM calls WHERE id LIKE 'seed-%'`);
    for (let from = Number(rows[0]?.seeded ?? 0) + 1; from <= count; from += BATCH) {
      const to = Math.min(count, from + BATCH - 1);
      await client.query(seedCallsSql(from, to));
      log(`${to.toLocaleString("en")} calls (${elapsed()})`);
    }
    await client.query("SET session_replication_role = DEFAULT");
    await client.query("SET maintenance_work_mem = '512MB'");
    for (const index of indexes) {
      await client.query(index.definition);
      log(`index ${index.name} built (${elapsed()})`);
    }
    await client.query("VACUUM ANALYZE calls");
    log(`done: ${count.toLocaleString("en")} seeded calls in ${elapsed()}`);
  } finally {
    await client.end();
  }
}

{
  await seedCalls(option("database-url", process.env.DATABASE_URL), Number(option("count", "1000000")));
}
