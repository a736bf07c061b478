// npm run db:migrate – apply pending migrations to DATABASE_URL (or to the embedded Postgres when it is unset).
import "@/lib/env-files";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { env } from "@/lib/env";

const embedded = env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir: env.EMBEDDED_POSTGRES_DIR, port: env.EMBEDDED_POSTGRES_PORT, database: "callboard" });
const url = env.DATABASE_URL ?? embedded?.url ?? "";
let exitCode = 0;
try {
  const result = await migrateDatabase(url);
  for (const name of result.applied) console.log(`applied   ${name}`);
  console.log(`${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already up to date.`);
} catch (error) {
  console.error((error as Error).message);
  exitCode = 1;
} finally {
  await embedded?.stop();
}
// An explicit exit: embedded-postgres' own exit hook would otherwise reset process.exitCode to 0.
process.exit(exitCode);
