// The database for a command-line tool: DATABASE_URL, else the embedded Postgres of a running Callboard, else
// the embedded Postgres started just for the command (and stopped again by close()).
import { env } from "@/lib/env";
import { canConnect } from "./can-connect";
import { createDatabase } from "./client";
import { embeddedPostgresUrl, startEmbeddedPostgres } from "./embedded-postgres";
import type { PrismaClient } from "./generated/client";
import { migrateDatabase } from "./migrate";

export async function openScriptDatabase(): Promise<{ prisma: PrismaClient; url: string; close: () => Promise<void> }> {
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
  return {
    prisma: database.prisma,
    url,
    close: async () => {
      await database.disconnect();
      await stopEmbedded?.();
    },
  };
}
