// The destinations' language column (migration 20261207191000_alert_destination_locale) on a real Postgres: English
// for rows that were there before it and for rows inserted without one, and nothing but en or nl.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { DESTINATION_FIELD_NAMES, destinationInputSchema, destinationPatchSchema } from "./alert-schemas";

const database = useTestDatabase();
const MIGRATION = readFileSync(path.join(import.meta.dirname, "../../prisma/migrations/20261207191000_alert_destination_locale/migration.sql"), "utf8");

async function newRule(): Promise<bigint> {
  const { rows } = await database.pool.query<{ id: string }>(`INSERT INTO alert_rules (name, kind) VALUES ('r', 'each-error') RETURNING id`);
  return BigInt(rows[0]?.id ?? "0");
}

describe("the destination's language column", () => {
  it("gives destinations that existed before the migration English", async () => {
    const ruleId = await newRule();
    // The table as it was before, with a destination in it; then the migration, as deploying it runs it.
    await database.pool.query(`ALTER TABLE alert_destinations DROP COLUMN locale`);
    await database.pool.query(`INSERT INTO alert_destinations (rule_id, kind, email_to) VALUES ($1, 'email', ARRAY['old@example.test'])`, [ruleId]);
    await database.pool.query(MIGRATION);
    const { rows } = await database.pool.query<{ locale: string }>(`SELECT locale FROM alert_destinations WHERE rule_id = $1`, [ruleId]);
    expect(rows).toEqual([{ locale: "en" }]);
  });

  it("defaults to English, takes nl, and refuses anything else", async () => {
    const ruleId = await newRule();
    const inserted = await database.prisma.alertDestination.create({ data: { ruleId, kind: "email", emailTo: ["a@example.test"] } });
    expect(inserted.locale).toBe("en");
    const dutch = await database.prisma.alertDestination.create({ data: { ruleId, kind: "email", emailTo: ["b@example.test"], locale: "nl" } });
    expect(dutch.locale).toBe("nl");
    await expect(database.pool.query(`INSERT INTO alert_destinations (rule_id, kind, locale) VALUES ($1, 'webhook', 'de')`, [ruleId])).rejects.toThrow(/alert_destinations_locale_known/);
    await expect(database.pool.query(`UPDATE alert_destinations SET locale = NULL WHERE id = $1`, [inserted.id])).rejects.toThrow(/null value/);
  });
});

describe("the API's check of a destination's language", () => {
  const post = (body: unknown) => new Request("http://callboard.test/api/alerts/rules/1/destinations", { method: "POST", body: JSON.stringify(body) });

  it("answers an unknown language with a 422 that names the field", async () => {
    for (const read of [
      () => readJsonBody(post({ kind: "email", to: ["a@example.test"], locale: "de" }), destinationInputSchema, DESTINATION_FIELD_NAMES),
      () => readJsonBody(post({ locale: "" }), destinationPatchSchema, DESTINATION_FIELD_NAMES),
    ]) {
      const response = errorResponse(await read().catch((error: unknown) => error));
      expect(response.status).toBe(422);
      const json = (await response.json()) as { error: { code: string; message: string } };
      expect(json.error).toMatchObject({ code: "unprocessable", message: expect.stringContaining("Language must be en or nl") });
    }
  });

  it("takes en and nl, and English when none is given", async () => {
    expect(await readJsonBody(post({ kind: "email", to: ["a@example.test"], locale: "nl" }), destinationInputSchema)).toMatchObject({ locale: "nl" });
    expect(await readJsonBody(post({ kind: "webhook", url: "https://example.test/hook" }), destinationInputSchema)).toMatchObject({ locale: "en" });
  });
});
