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
import type { Env } from "@/lib/env";
import { createTokenBucketLimiter } from "@/lib/http/rate-limit";
import type { ApiTokenLimit } from "@/lib/api-tokens/authenticate-api-request";
import { createLifecycle, type Lifecycle } from "@/lib/observability/lifecycle";
import type { Logger } from "@/lib/observability/logger";
import { createMetrics, type Metrics } from "@/lib/observability/metrics";
import { createRealtime, type Realtime } from "@/lib/realtime/socket-server";
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
  apiTokenLimit: ApiTokenLimit;
  auth: Auth;
  alerts: AlertServices;
  /** The migrations this build ships, read once at start-up (/api/health compares the database with them). */
  migrationNames: readonly string[];
};

export function createAppContext(options: { databaseUrl: string; env: Env; logger: Logger }): AppContext {
  const { env, logger } = options;
  const lifecycle = createLifecycle();
  const metrics = createMetrics();
  const database = createDatabase(options.databaseUrl, { logger, isShuttingDown: () => lifecycle.isShuttingDown });
  const { prisma, pool } = database;
  const realtime = createRealtime({ metrics, logger, lifecycle });
  const calls = createCallRecorder({ pool, prisma, publisher: realtime.publisher });
  const signing = createSigningSecrets(prisma, env);
  const deliveries = createDeliveryLog({ pool, logger, lifecycle });
  const webhooks = createWebhookIntake({
    env,
    logger,
    metrics,
    signing,
    calls,
    deliveries,
    sourceLimiter: createTokenBucketLimiter(env.WEBHOOK_RATE_LIMIT_PER_MINUTE),
  });
  metrics.heldWebhooks = () => webhooks.held;
  return {
    env,
    logger,
    metrics,
    lifecycle,
    database,
    prisma,
    realtime,
    calls,
    signing,
    deliveries,
    webhooks,
    apiTokenLimit: { limiter: createTokenBucketLimiter(env.API_RATE_LIMIT_PER_MINUTE), perMinute: env.API_RATE_LIMIT_PER_MINUTE },
    auth: createAuth({ prisma, env, onSessionDeleted: (sessionId) => realtime.disconnectSession(sessionId) }),
    alerts: { prisma, metrics, logger, lifecycle, smtp: createSmtpTransports() },
    migrationNames: readMigrations().map((migration) => migration.name),
  };
}
