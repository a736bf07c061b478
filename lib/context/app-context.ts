// Callboard, composed once per process: the database, the realtime server, the webhook intake, the caches and
// queues, the logger and the metrics. server.ts makes it and hands it to Next's bundles through current.ts; every
// other module receives what it needs of it as arguments.
import type { AlertServices } from "@/lib/alerts/alert-deliveries";
import { createSmtpTransports } from "@/lib/alerts/send-alert";
import { createAuth, type Auth } from "@/lib/auth/auth";
import { createCallRecorder, type CallRecorder } from "@/lib/calls/call-recorder";
import { createDatabase, type Database } from "@/lib/db/client";
import { readMigrations } from "@/lib/db/migrate";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createRequestBudgetFromEnv, type RequestBudget } from "@/lib/flireo/request-budget";
import type { Env } from "@/lib/env";
import { createPostgresRateLimitStore, createRedisRateLimitStore } from "@/lib/http/rate-limit-stores";
import { createSharedRateLimiter, type RateLimitStore, type SharedRateLimiter } from "@/lib/http/shared-rate-limit";
import { parse as parseConnectionString } from "pg-connection-string";
import { createClient } from "redis";
import { createLifecycle, type Lifecycle } from "@/lib/observability/lifecycle";
import type { Logger } from "@/lib/observability/logger";
import { createMetrics, type Metrics } from "@/lib/observability/metrics";
import { createRealtime, type Realtime } from "@/lib/realtime/socket-server";
import { createSecretBoxFromEnv, type SecretBox } from "@/lib/secrets/secret-box";
import { createDeliveryLog, type DeliveryLog } from "@/lib/webhooks/delivery-log";
import { createWebhookIntake, type WebhookIntake } from "@/lib/webhooks/webhook-intake";
import { createSigningSecrets, type SigningSecrets } from "@/lib/webhooks/webhook-secrets";

export type AppContext = {
  env: Env;
  logger: Logger;
  metrics: Metrics;
  lifecycle: Lifecycle;
  database: Database;
  prisma: PrismaClient;
  /** Seals and opens the secrets Callboard stores, with CALLBOARD_ENCRYPTION_KEY's keys; handed to whatever reads or writes one. */
  secretBox: SecretBox;
  /** The one budget every request to Flireo's REST API takes a slot from (registration, reconciliation, call control). */
  flireoBudget: RequestBudget;
  /** Boards' live connections; committed call changes leave through its publisher. */
  realtime: Realtime;
  /** Stores call events and announces the changes (lib/calls/call-recorder.ts). */
  calls: CallRecorder;
  /** The secrets that verify webhooks, cached. */
  signing: SigningSecrets;
  /** The webhook delivery log's write queue. */
  deliveries: DeliveryLog;
  /** A webhook's path from admission to answer (lib/webhooks/webhook-intake.ts). */
  webhooks: WebhookIntake;
  /** Rate limits shared by every instance (Postgres, or Redis with REDIS_URL). */
  limits: { webhookSources: SharedRateLimiter; apiTokens: SharedRateLimiter; apiTokenFailures: SharedRateLimiter; controlCommands: SharedRateLimiter };
  /** Sends what the limits have not yet stored, and lets go of their store (at shutdown). */
  closeLimits: () => Promise<void>;
  auth: Auth;
  alerts: AlertServices;
  /** The migrations this build ships, read once at start-up (/api/health compares the database with them). */
  migrationNames: readonly string[];
};

/**
 * The store shared rate limits count in: Redis when REDIS_URL is set (a client of their own), else Postgres. In Redis
 * the keys carry the database's host and name: the instances of one Callboard share their limits, and another
 * Callboard on the same Redis does not count against them.
 */
async function connectLimitsStore(env: Env, databaseUrl: string, pool: Database["pool"], logger: Logger): Promise<{ store: RateLimitStore; close: () => Promise<void> }> {
  if (!env.REDIS_URL) return { store: createPostgresRateLimitStore(pool), close: async () => {} };
  const client = createClient({ url: env.REDIS_URL });
  client.on("error", (error: Error) => logger.error({ err: error }, "Redis (rate limits) error"));
  await client.connect();
  const database = parseConnectionString(databaseUrl);
  const prefix = `callboard:${database.host ?? ""}:${database.port ?? ""}/${database.database ?? ""}:rate:`;
  return { store: createRedisRateLimitStore(client, prefix), close: async () => void (await client.quit().catch(() => undefined)) };
}

export async function createAppContext(options: { databaseUrl: string; env: Env; logger: Logger }): Promise<AppContext> {
  const { env, logger } = options;
  const lifecycle = createLifecycle();
  const metrics = createMetrics();
  const database = createDatabase(options.databaseUrl, { logger, isShuttingDown: () => lifecycle.isShuttingDown });
  const { prisma, pool } = database;
  const secretBox = createSecretBoxFromEnv(env);
  const realtime = createRealtime({ metrics, logger, lifecycle });
  const flireoBudget = createRequestBudgetFromEnv(env, { onAnswer: (lane, status) => metrics.observeFlireoAnswer(lane, status) });
  const calls = createCallRecorder({ pool, prisma, publisher: realtime.publisher });
  const signing = createSigningSecrets(prisma, secretBox, env);
  const deliveries = createDeliveryLog({ pool, logger, lifecycle });
  const limitsStore = await connectLimitsStore(env, options.databaseUrl, pool, logger);
  const onLimitError = (error: unknown) => {
    if (!lifecycle.isShuttingDown) logger.warn({ err: (error as Error).message }, "Could not share rate-limit counts; counting on this instance meanwhile");
  };
  const limiter = (perMinute: number) => createSharedRateLimiter({ perMinute, store: limitsStore.store, onError: onLimitError });
  const limits = {
    webhookSources: limiter(env.WEBHOOK_RATE_LIMIT_PER_MINUTE),
    apiTokens: limiter(env.API_RATE_LIMIT_PER_MINUTE),
    apiTokenFailures: limiter(env.API_TOKEN_FAILURES_PER_MINUTE),
    controlCommands: limiter(env.CONTROL_COMMANDS_PER_MINUTE),
  };
  const webhooks = createWebhookIntake({
    env,
    logger,
    metrics,
    signing,
    calls,
    deliveries,
    sourceLimiter: limits.webhookSources,
  });
  metrics.heldWebhooks = () => webhooks.held;
  return {
    env,
    logger,
    metrics,
    lifecycle,
    database,
    prisma,
    secretBox,
    flireoBudget,
    realtime,
    calls,
    signing,
    deliveries,
    webhooks,
    limits,
    async closeLimits() {
      for (const limit of Object.values(limits)) limit.stop();
      await Promise.allSettled(Object.values(limits).map((limit) => limit.flush()));
      await limitsStore.close();
    },
    auth: createAuth({ prisma, env, onSessionDeleted: (sessionId) => realtime.disconnectSession(sessionId) }),
    alerts: { prisma, metrics, logger, lifecycle, secretBox, smtp: createSmtpTransports() },
    migrationNames: readMigrations().map((migration) => migration.name),
  };
}
