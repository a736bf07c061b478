import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase } from "@/lib/db/migrate";
import { createTestDatabase } from "@/lib/testing/test-postgres";

describe("the migration that moves the search into call_search", () => {
  it("gives every call with something said its search row, with the words its generated column held, and drops the column", async () => {
    const older = mkdtempSync(path.join(os.tmpdir(), "callboard-migrations-"));
    const names = readdirSync(DEFAULT_MIGRATIONS_DIR).sort();
    const searchTable = names.findIndex((name) => name.endsWith("_call_search_table"));
    for (const name of names.slice(0, searchTable)) cpSync(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(older, name), { recursive: true });
    const upgraded = await createTestDatabase({ migrate: false });
    const pool = new pg.Pool({ connectionString: upgraded.url });
    try {
      await migrateDatabase(upgraded.url, { migrationsDir: older });
      await pool.query(`
        INSERT INTO calls (id, status, status_rank, status_at, line_number, first_event_at, last_event_at, summary, transcript, error)
        VALUES ('m-said', 'ended', 3, now(), '+31201234567', now(), now(), 'Wanted refunds for the chairs.', '[{"role": "user", "content": "Mijn terugbetalingen?"}]', NULL),
               ('m-error', 'ended-with-error', 3, now(), NULL, now(), now(), NULL, NULL, 'LLM timeout'),
               ('m-live', 'in-progress', 1, now(), '+31201234567', now(), now(), NULL, NULL, NULL)`);
      const before = await pool.query<{ id: string; words: string; created_at: Date }>(`SELECT id, search_vector::text AS words, created_at FROM calls ORDER BY id`);

      await migrateDatabase(upgraded.url);
      const rows = await pool.query<{ call_id: string; words: string; status: string; line_number: string | null; created_at: Date }>(
        `SELECT call_id, search_vector::text AS words, status, line_number, created_at FROM call_search ORDER BY call_id`,
      );
      const held = new Map(before.rows.map((row) => [row.id, row]));
      expect(rows.rows.map((row) => row.call_id)).toEqual(["m-error", "m-said"]);
      for (const row of rows.rows) {
        expect(row.words).toBe(held.get(row.call_id)?.words);
        expect(row.created_at).toEqual(held.get(row.call_id)?.created_at);
      }
      expect(rows.rows.find((row) => row.call_id === "m-said")).toMatchObject({ status: "ended", line_number: "+31201234567" });
      expect(rows.rows.find((row) => row.call_id === "m-said")?.words).toMatch(/'refund'.*'terugbetal'/);
      const column = await pool.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'calls' AND column_name = 'search_vector'`);
      expect(column.rowCount).toBe(0);

      // From here on the trigger keeps it: the live call gets its row with its first words.
      await pool.query(`UPDATE calls SET summary = 'Asked about parking.' WHERE id = 'm-live'`);
      const live = await pool.query<{ words: string }>(`SELECT search_vector::text AS words FROM call_search WHERE call_id = 'm-live'`);
      expect(live.rows[0]?.words).toContain("park");
    } finally {
      await pool.end();
      await upgraded.drop();
      rmSync(older, { recursive: true, force: true });
    }
  });
});
