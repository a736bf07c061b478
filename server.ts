// Callboard's server: Next.js and Socket.IO on one HTTP port, on a database that is ready before the first request.
import "@/lib/env-files";
import { createServer } from "node:http";
import next from "next";
import { connectDatabase, disconnectDatabase } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { env, resolveAuthSecret } from "@/lib/env";
import { pinClientAddress } from "@/lib/http/client-address";
import { attachSocketServer } from "@/lib/realtime/socket-server";
import { assertSignaturePolicyIsSafe, getSignaturePolicy } from "@/lib/webhooks/webhook-secrets";

const isDev = env.NODE_ENV !== "production";

async function resolveDatabase(): Promise<{ url: string; embedded: EmbeddedDatabase | null; label: string }> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: null, label: new URL(env.DATABASE_URL).host };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_POSTGRES_DIR,
    port: env.EMBEDDED_POSTGRES_PORT,
    database: "callboard",
  });
  return { url: embedded.url, embedded, label: `embedded Postgres in ${env.EMBEDDED_POSTGRES_DIR} (port ${env.EMBEDDED_POSTGRES_PORT})` };
}

async function main(): Promise<void> {
  assertSignaturePolicyIsSafe();
  resolveAuthSecret();
  const database = await resolveDatabase();
  const migrations = await migrateDatabase(database.url);
  connectDatabase(database.url);

  const httpServer = createServer();
  const app = next({ dev: isDev, hostname: env.HOST, port: env.PORT, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();
  httpServer.on("request", (request, response) => {
    pinClientAddress(request, env.TRUST_PROXY);
    void handle(request, response);
  });
  const io = attachSocketServer(httpServer);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(env.PORT, env.HOST, resolve);
  });

  const shownHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  const baseUrl = env.PUBLIC_BASE_URL ?? `http://${shownHost}:${env.PORT}`;
  const signing = getSignaturePolicy().isSignatureRequired ? "signatures required" : "UNSIGNED webhooks accepted";
  console.log(
    [
      `Callboard ${isDev ? "(development)" : "(production)"} is up.`,
      `  Board:        ${baseUrl}/`,
      `  Webhook URL:  ${baseUrl}/api/webhooks/flireo   (give this to Flireo; ${signing})`,
      `  Database:     ${database.label}; ${migrations.applied.length} migration(s) applied now, ${migrations.alreadyApplied.length} already.`,
    ].join("\n"),
  );

  let isShuttingDown = false;
  const shutdown = async (signal: string) => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    console.log(`${signal} received, shutting down.`);
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    await io.close();
    httpServer.closeAllConnections();
    await disconnectDatabase();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `Callboard could not start: ${error.message}` : error);
  process.exit(1);
});
