// The database for a command-line tool: DATABASE_URL, else the embedded Postgres of a running Callboard, else
// the embedded Postgres started just for the command (and stopped again by close()). Migrated as the server migrates
// it: the SQL migrations, then the stored secrets encrypted with the tool's own box (made from the environment).
import { env } from "@/lib/env";
import type { SecretBox } from "@/lib/secrets/secret-box";
import { sealStoredSecrets, type SealReport } from "@/lib/secrets/seal-stored-secrets";
import { canConnect } from "./can-connect";
import { createDatabase, type Database } from "./client";
import { embeddedPostgresUrl, startEmbeddedPostgres } from "./embedded-postgres";
import type { PrismaClient } from "./generated/client";
import { migrateDatabase } from "./migrate";

type ScriptDatabase = { prisma: PrismaClient; pool: Database["pool"]; url: string; close: () => Promise<void>; sealing: SealReport };

export async function openScriptDatabase(secretBox: SecretBox): Promise<ScriptDatabase> {
  let url = env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!url) {
    const running = embeddedPostgresUrl(env.EMBEDDED_POSTGRES_DIR, env.EMBEDDED_POSTGRES_PORT, "callboard");
    if (await canConnect(running)) {
      url = running;
    } else {
      const embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_POSTGRES_DIR, port: env.EMBEDDED_POSTGRES_PORT, database: "callboard" });
      url = embedded.url;
      stopEmbedded = embedded.stop;
    }
  }
  // Idempotent, and the secret and settings tables may be newer than the last server start.
  await migrateDatabase(url);
  const database = createDatabase(url);
  const close = async () => {
    await database.disconnect();
    await stopEmbedded?.();
  };
  try {
    const sealing = await sealStoredSecrets(database.pool, secretBox);
    return { prisma: database.prisma, pool: database.pool, url, close, sealing };
  } catch (error) {
    await close();
    throw error;
  }
}
