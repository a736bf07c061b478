// Every stored secret, sealed under the configured keys. Two uses of one pass over the columns that hold secrets:
// - at start-up, after the SQL migrations (server.ts, and the command-line tools through openScriptDatabase): plain
//   text from before encryption (or from an older instance during an upgrade) is sealed, and every sealed value must
//   open with CALLBOARD_ENCRYPTION_KEY, or start-up stops and says which key is missing. The SQL migrations cannot do
//   this: lib/db/migrate.ts runs SQL and never sees the key.
// - `npm run secrets:reencrypt`: also seals again, under the current key, whatever an older key sealed.
// One transaction under an advisory lock, rows locked FOR UPDATE: instances starting at once take turns, and the
// next finds nothing left to do. Running it again changes nothing.
import type pg from "pg";
import { describeSealedPurpose, explainReason, isSealed, sealedKeyId, UndecryptableSecretError, type SealedPurpose, type SecretBox } from "./secret-box";

/** Taken for the whole pass; Prisma's migration lock is 72707369, the webhook secret rotation's 72707370. */
const SEAL_LOCK_ID = 72_707_371;

/** The columns that hold secrets. A new one belongs here, and in the test that scans every column for plain text. */
type SealedColumn = { table: string; key: string; column: string; purpose: SealedPurpose; where?: string; isJson?: boolean };

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: "webhook_secrets", key: "id", column: "secret", purpose: "webhook_secrets.secret" },
  { table: "alert_destinations", key: "id", column: "url", purpose: "alert_destinations.url" },
  { table: "alert_destinations", key: "id", column: "secret", purpose: "alert_destinations.secret" },
  // A JSON string in the settings table (lib/flireo/flireo-api-key.ts).
  { table: "settings", key: "key", column: "value", purpose: "settings.flireo_api_key", where: "key = 'flireo_api_key' AND jsonb_typeof(value) = 'string'", isJson: true },
];

export type SealReport = {
  /** Plain-text values sealed now. */
  sealed: number;
  /** Values sealed by an older key and sealed again under the current one (re-encryption only). */
  resealed: number;
  /** Values already sealed under the key that is wanted. */
  unchanged: number;
};

export class UndecryptableStoredSecretsError extends Error {
  override name = "UndecryptableStoredSecretsError";

  constructor(
    readonly problems: readonly UndecryptableSecretError[],
    keyIds: readonly string[],
  ) {
    const lines = new Map<string, number>();
    for (const problem of problems) {
      const line = `${describeSealedPurpose(problem.purpose)}: ${explainReason(problem.reason, problem.keyId)}`;
      lines.set(line, (lines.get(line) ?? 0) + 1);
    }
    super(
      `${problems.length} stored secret(s) cannot be decrypted with CALLBOARD_ENCRYPTION_KEY (its keys: ${keyIds.join(", ")}; the first encrypts).\n` +
        [...lines].map(([line, count]) => `  - ${count > 1 ? `${count} × ` : ""}${line}`).join("\n"),
    );
  }
}

type Row = { key: string; value: string };

async function sealColumn(client: pg.PoolClient, box: SecretBox, column: SealedColumn, isResealing: boolean, report: SealReport, problems: UndecryptableSecretError[]): Promise<void> {
  const value = column.isJson ? `"${column.column}" #>> '{}'` : `"${column.column}"`;
  const where = [`"${column.column}" IS NOT NULL`, column.where].filter(Boolean).join(" AND ");
  const { rows } = await client.query<Row>(`SELECT "${column.key}"::text AS key, ${value} AS value FROM "${column.table}" WHERE ${where} ORDER BY 1 FOR UPDATE`);
  const write = (key: string, sealed: string) =>
    client.query(`UPDATE "${column.table}" SET "${column.column}" = ${column.isJson ? "to_jsonb($1::text)" : "$1"} WHERE "${column.key}"::text = $2`, [sealed, key]);
  for (const row of rows) {
    if (!isSealed(row.value)) {
      await write(row.key, box.seal(row.value, column.purpose));
      report.sealed += 1;
      continue;
    }
    let plaintext: string;
    try {
      plaintext = box.open(row.value, column.purpose);
    } catch (error) {
      if (!(error instanceof UndecryptableSecretError)) throw error;
      problems.push(error);
      continue;
    }
    if (isResealing && sealedKeyId(row.value) !== box.currentKeyId) {
      await write(row.key, box.seal(plaintext, column.purpose));
      report.resealed += 1;
    } else {
      report.unchanged += 1;
    }
  }
}

/**
 * Seals plain-text secrets and checks that every sealed one opens; with `reseal`, also moves values sealed by older
 * keys to the current one. Throws UndecryptableStoredSecretsError (and changes nothing) when any value cannot be read.
 */
export async function sealStoredSecrets(pool: pg.Pool, box: SecretBox, options: { reseal?: boolean } = {}): Promise<SealReport> {
  const client = await pool.connect();
  const report: SealReport = { sealed: 0, resealed: 0, unchanged: 0 };
  const problems: UndecryptableSecretError[] = [];
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [SEAL_LOCK_ID]);
    for (const column of SEALED_COLUMNS) await sealColumn(client, box, column, options.reseal ?? false, report, problems);
    if (problems.length > 0) throw new UndecryptableStoredSecretsError(problems, box.keyIds);
    await client.query("COMMIT");
    return report;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
