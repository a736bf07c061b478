// Callboard's server: Next.js and Socket.IO on one HTTP port, on a database that is ready before the first request.
import "@/lib/env-files";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import next from "next";
import { isWebhookPath } from "@/lib/auth/access-policy";
import { connectDatabase, disconnectDatabase, getPrisma } from "@/lib/db/client";
import { describeDatabaseUrl } from "@/lib/db/describe-database-url";
import { startEmbeddedPostgres, takeOverShutdownSignals, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { env, resolveAuthSecret } from "@/lib/env";
import { pinClientAddress } from "@/lib/http/client-address";
import { logger } from "@/lib/observability/logger";
import { getMetrics } from "@/lib/observability/metrics";
import { markShuttingDown } from "@/lib/observability/shutdown-state";
import { startBackgroundJobs } from "@/lib/jobs/start-background-jobs";
import { attachSocketServer } from "@/lib/realtime/socket-server";
import { flushDeliveries } from "@/lib/webhooks/delivery-log";
import { createWebhookAdmission } from "@/lib/webhooks/webhook-admission";
import { fileWebhookRequest, REQUEST_TICKET_HEADER } from "@/lib/webhooks/webhook-request";
import { ensureWebhookSecret, getSignaturePolicy } from "@/lib/webhooks/webhook-secrets";

const isDev = env.NODE_ENV !== "production";

async function resolveDatabase(): Promise<{ url: string; embedded: EmbeddedDatabase | null; label: string }> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: null, label: describeDatabaseUrl(env.DATABASE_URL) };
  }
  if (!isDev) {
    logger.warn(
      `No DATABASE_URL: Callboard runs its own embedded Postgres in ${env.EMBEDDED_POSTGRES_DIR}, a single-machine setup ` +
        "(one instance, its data on this machine only). For more instances or a managed database, set DATABASE_URL.",
    );
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_POSTGRES_DIR,
    port: env.EMBEDDED_POSTGRES_PORT,
    database: "callboard",
  });
  return { url: embedded.url, embedded, label: `embedded Postgres in ${env.EMBEDDED_POSTGRES_DIR} (port ${env.EMBEDDED_POSTGRES_PORT})` };
}

/**
 * Keeps a lost log destination (the reader of a stdout/stderr pipe gone) from taking the server down with it. Without
 * this, each failed write is an uncaught EPIPE that Next.js logs, to the same broken pipe, which fails again: a loop
 * at 100% CPU. Logs are lost until the server restarts; webhooks keep being served.
 */
function surviveClosedLogPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
}

/** Shuts down once the process `pid` has gone (checked every 2 s). */
function exitWithProcess(pid: number, shutdown: (reason: string) => void): void {
  const timer = setInterval(() => {
    try {
      process.kill(pid, 0);
    } catch (error) {
      // Only "no such process" means gone; EPERM is a live process of another user.
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") return;
      clearInterval(timer);
      shutdown(`process ${pid} is gone`);
    }
  }, 2_000);
  timer.unref();
}

async function main(): Promise<void> {
  surviveClosedLogPipes();
  resolveAuthSecret();
  const database = await resolveDatabase();
  const migrations = await migrateDatabase(database.url);
  const prisma = connectDatabase(database.url);
  await ensureWebhookSecret(prisma);

  const httpServer = createServer();
  const app = next({ dev: isDev, hostname: env.HOST, port: env.PORT, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();
  const webhookAdmission = createWebhookAdmission({ maxInFlight: env.WEBHOOK_MAX_IN_FLIGHT, maxConcurrent: env.WEBHOOK_MAX_CONCURRENT });
  getMetrics().heldWebhooks = () => webhookAdmission;
  httpServer.on("request", (request, response) => {
    // Every request carries an id, in the logs and in the response, so a report can be traced.
    const incoming = request.headers["x-request-id"];
    const requestId = typeof incoming === "string" && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    request.headers["x-request-id"] = requestId;
    response.setHeader("x-request-id", requestId);
    pinClientAddress(request, env.TRUST_PROXY);
    // Only server.ts hands out request tickets (webhook-request.ts); one sent by a client means nothing.
    delete request.headers[REQUEST_TICKET_HEADER];
    // Next.js gzips every route-handler response when the client accepts it, whatever its size: for the webhook's
    // few-byte answers that is a zlib stream per request (CPU, ~100 KB of native memory each, and a queue of them when
    // the libuv pool falls behind under load). Its answers are never worth compressing.
    if (isWebhookPath(request.url?.split("?", 1)[0] ?? "")) {
      delete request.headers["accept-encoding"];
      if (request.method === "POST") {
        webhookAdmission.admit(request, response, () => {
          fileWebhookRequest(request, (listener) => response.once("close", listener));
          // Next writes a response's head, its body and the chunked terminator as separate writes, each a syscall
          // and a TCP segment. Corked until the response ends, a webhook's whole answer leaves in one.
          response.cork();
          response.once("prefinish", () => response.uncork());
          void handle(request, response);
        });
        return;
      }
    }
    void handle(request, response);
  });
  const adapter = env.REALTIME_ADAPTER ?? (env.REDIS_URL ? "redis" : "postgres");
  const realtime = await attachSocketServer(httpServer, { adapter, databaseUrl: database.url, redisUrl: env.REDIS_URL });
  const stopBackgroundJobs = startBackgroundJobs(prisma, { databaseUrl: database.url });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${env.PORT} is taken by another program. Stop it, or start Callboard on another port, e.g. PORT=${env.PORT + 1} npm run dev.`)
          : error,
      ),
    );
    httpServer.listen(env.PORT, env.HOST, resolve);
  });

  const shownHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  const baseUrl = env.PUBLIC_BASE_URL ?? `http://${shownHost}:${env.PORT}`;
  const signing = (await getSignaturePolicy()).isSignatureRequired ? "signatures required" : "UNSIGNED webhooks accepted";
  console.log(
    [
      `Callboard ${isDev ? "(development)" : "(production)"} is up.`,
      `  Board:        ${baseUrl}/`,
      `  Webhook URL:  ${baseUrl}/api/webhooks/flireo   (give this to Flireo; ${signing})`,
      `  Webhooks:     ${baseUrl}/webhooks   (signing secret, test event, registration with Flireo)`,
      `  Database:     ${database.label}; ${migrations.applied.length} migration(s) applied now, ${migrations.alreadyApplied.length} already.`,
      `  Live updates: shared between instances through ${adapter === "none" ? "nothing (single instance)" : adapter}.`,
    ].join("\n"),
  );
  logger.info({ port: env.PORT, adapter, migrationsApplied: migrations.applied }, "callboard started");

  let isShuttingDown = false;
  const shutdown = async (signal: string) => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    markShuttingDown();
    logger.info({ signal }, "shutting down");
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    await stopBackgroundJobs();
    await realtime.close();
    httpServer.closeAllConnections();
    // The webhook delivery log's last rows, queued by the route handlers and not yet written.
    await flushDeliveries(getPrisma()).catch((error: unknown) => logger.warn({ err: (error as Error).message }, "The delivery log's last rows were not written"));
    await disconnectDatabase();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // From here on the shutdown above stops the embedded Postgres, after everything that uses it.
  takeOverShutdownSignals();
  if (env.CALLBOARD_PARENT_PID) exitWithProcess(env.CALLBOARD_PARENT_PID, (reason) => void shutdown(reason));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `Callboard could not start: ${error.message}` : error);
  process.exit(1);
});
