// Callboard's server: Next.js and Socket.IO on one HTTP port, on a database that is ready before the first request.
import "@/lib/env-files";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { isWebhookPath } from "@/lib/auth/access-policy";
import { trustedOriginsFor } from "@/lib/auth/same-origin";
import { findCommandsByIds } from "@/lib/call-control/call-commands";
import { findCallsByIds } from "@/lib/calls/find-board-calls";
import { findLiveSessions, getSessionUser } from "@/lib/auth/session";
import { createAppContext, type AppContext } from "@/lib/context/app-context";
import { provideAppContext } from "@/lib/context/current";
import { describeDatabaseUrl } from "@/lib/db/describe-database-url";
import { startEmbeddedPostgres, takeOverShutdownSignals, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { DEVELOPMENT_AUTH_SECRET, env, resolveAuthSecret } from "@/lib/env";
import { pinClientAddress, resolveClientAddress } from "@/lib/http/client-address";
import { findLiveWallboards } from "@/lib/wallboards/wallboards";
import { readWallboardCookie } from "@/lib/wallboards/wallboard-secret";
import { authenticateWallboardHandshake } from "@/lib/wallboards/verify-wallboard";
import { logger } from "@/lib/observability/logger";
import { startBackgroundJobs } from "@/lib/jobs/start-background-jobs";
import { resolveEncryptionKeys } from "@/lib/secrets/secret-box";
import { sealStoredSecrets } from "@/lib/secrets/seal-stored-secrets";
import { ensureWebhookSecret } from "@/lib/webhooks/webhook-secrets";

const isDev = env.NODE_ENV === "development";

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

/** Every request carries an id, in the logs and in the response, so a report can be traced. */
function tagRequest(request: IncomingMessage, response: ServerResponse): void {
  const incoming = request.headers["x-request-id"];
  const requestId = typeof incoming === "string" && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  request.headers["x-request-id"] = requestId;
  response.setHeader("x-request-id", requestId);
  pinClientAddress(request, env.TRUST_PROXY);
}

async function printBanner(context: AppContext, database: { label: string }, migrations: { applied: string[]; alreadyApplied: string[] }, adapter: string): Promise<void> {
  const shownHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  const baseUrl = env.PUBLIC_BASE_URL ?? `http://${shownHost}:${env.PORT}`;
  const signing = (await context.signing.policy()).isSignatureRequired ? "signatures required" : "UNSIGNED webhooks accepted";
  // For the person who started it, on the terminal; the logs are the JSON lines (pino).
  process.stdout.write(
    [
      `Callboard ${isDev ? "(development)" : "(production)"} is up.`,
      `  Board:        ${baseUrl}/`,
      `  Webhook URL:  ${baseUrl}/api/webhooks/flireo   (give this to Flireo; ${signing})`,
      `  Webhooks:     ${baseUrl}/webhooks   (signing secret, test event, registration with Flireo)`,
      `  Database:     ${database.label}; ${migrations.applied.length} migration(s) applied now, ${migrations.alreadyApplied.length} already.`,
      `  Live updates: shared between instances through ${adapter === "none" ? "nothing (single instance)" : adapter}.`,
      "",
    ].join("\n"),
  );
}

function listen(httpServer: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    httpServer.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${env.PORT} is taken by another program. Stop it, or start Callboard on another port, e.g. PORT=${env.PORT + 1} npm run dev.`)
          : error,
      ),
    );
    httpServer.listen(env.PORT, env.HOST, resolve);
  });
}

async function main(): Promise<void> {
  surviveClosedLogPipes();
  if (resolveAuthSecret() === DEVELOPMENT_AUTH_SECRET) {
    logger.warn("AUTH_SECRET is not set: using the development default. Set AUTH_SECRET before exposing Callboard.");
  }
  // Before anything starts: production stops here without CALLBOARD_ENCRYPTION_KEY, saying what to set.
  if (resolveEncryptionKeys(env).isDevelopmentKey) {
    logger.warn("CALLBOARD_ENCRYPTION_KEY is not set: stored secrets are encrypted with the public development key. Set it before exposing Callboard.");
  }
  const database = await resolveDatabase();
  const migrations = await migrateDatabase(database.url);
  const context = await createAppContext({ databaseUrl: database.url, env, logger });
  provideAppContext(context);
  // The data step after the SQL migrations: plain-text secrets are encrypted, and start-up stops (with what to set)
  // if a stored one does not decrypt with CALLBOARD_ENCRYPTION_KEY.
  const sealing = await sealStoredSecrets(context.database.pool, context.secretBox);
  if (sealing.sealed > 0) logger.info({ sealed: sealing.sealed }, "Encrypted stored secrets that were kept in plain text");
  await ensureWebhookSecret(context.prisma, context.secretBox);

  const httpServer = createServer({
    // A request's headers must arrive within WEBHOOK_BODY_TIMEOUT_MS (Node answers 408), checked every second: slow
    // headers would otherwise hold a connection for a minute (Node's default), and a slow body for five.
    headersTimeout: env.WEBHOOK_BODY_TIMEOUT_MS,
    requestTimeout: Math.max(60_000, env.WEBHOOK_BODY_TIMEOUT_MS),
    connectionsCheckingInterval: 1_000,
  });
  const app = next({ dev: isDev, hostname: env.HOST, port: env.PORT, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();
  httpServer.on("request", (request, response) => {
    tagRequest(request, response);
    // A webhook goes through the intake, which admits it and hands it on to its route (lib/webhooks/webhook-intake.ts).
    if (request.method === "POST" && isWebhookPath(request.url?.split("?", 1)[0] ?? "")) {
      context.webhooks.admit(request, response, () => void handle(request, response));
      return;
    }
    void handle(request, response);
  });
  const adapter = env.REALTIME_ADAPTER ?? (env.REDIS_URL ? "redis" : "postgres");
  await context.realtime.attach(httpServer, {
    adapter,
    databaseUrl: database.url,
    redisUrl: env.REDIS_URL,
    authenticate: async (headers) => {
      const user = await getSessionUser(context.auth, headers);
      return user && { userId: user.id, sessionId: user.session.id, expiresAt: user.session.expiresAt };
    },
    isTrustedOrigin: (origin, headers) => trustedOriginsFor(headers).includes(origin),
    maxPerUser: env.SOCKET_MAX_PER_USER,
    maxScreensPerWallboard: env.WALLBOARD_MAX_SCREENS,
    findLiveSessions: (sessionIds) => findLiveSessions(context.prisma, sessionIds),
    revalidateMs: env.SOCKET_REVALIDATE_SECONDS * 1000,
    authenticateWallboard: (headers, request) =>
      authenticateWallboardHandshake(context.prisma, readWallboardCookie(headers.get("cookie")), resolveClientAddress(request, env.TRUST_PROXY).replace(/^::ffff:/, "")),
    findLiveWallboards: (ids) => findLiveWallboards(context.prisma, ids),
    loadChanges: async (changes) => ({ calls: await findCallsByIds(context.prisma, changes.calls), commands: await findCommandsByIds(context.prisma, changes.commands) }),
  });
  const stopBackgroundJobs = startBackgroundJobs(context, { databaseUrl: database.url });

  await listen(httpServer);
  await printBanner(context, database, migrations, adapter);
  logger.info({ port: env.PORT, adapter, migrationsApplied: migrations.applied }, "callboard started");

  const shutdown = async (signal: string) => {
    if (context.lifecycle.isShuttingDown) return;
    context.lifecycle.markShuttingDown();
    logger.info({ signal }, "shutting down");
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    await stopBackgroundJobs();
    await context.realtime.close();
    httpServer.closeAllConnections();
    // The webhook delivery log's last rows, queued by the intake and not yet written.
    await context.closeLimits();
    await context.deliveries.flush().catch((error: unknown) => logger.warn({ err: (error as Error).message }, "The delivery log's last rows were not written"));
    await context.database.disconnect();
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
  // For the person who started it: the reason in words on stderr, and the whole error in the logs.
  process.stderr.write(`Callboard could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  logger.fatal({ err: error }, "Callboard could not start");
  process.exit(1);
});
