// The one place that reads process.env. Everything else imports `env`; a bad value stops start-up with its name.
import { isSupportedCountry } from "libphonenumber-js/min";
import { parse as parseConnectionString } from "pg-connection-string";
import { z } from "zod";
import { decodeEncryptionKey, splitEncryptionKeys } from "@/lib/secrets/encryption-keys";
import { isKnownTimeZone } from "@/lib/shared/time/format-time";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((value) => value === "true" || value === "1" || value === "yes");

const POSTGRES_URL_EXAMPLE =
  "postgresql://user:password@host:5432/callboard (over a Unix socket: postgresql://user@/callboard?host=/var/run/postgresql)";

/**
 * A connection URI as node-postgres (which every database connection here uses) reads it. Not z.url(): the WHATWG
 * URL parser behind it refuses libpq's Unix-socket form `postgresql://user@/db?host=/var/run/postgresql`.
 */
const postgresUrl = z.string().superRefine((value, context) => {
  if (!/^postgres(ql)?:\/\//.test(value)) {
    context.addIssue({ code: "custom", message: `must be a postgres:// or postgresql:// URL, e.g. ${POSTGRES_URL_EXAMPLE}` });
    return;
  }
  try {
    // Also reads the files that sslcert, sslkey and sslrootcert name, so a missing one is reported here.
    parseConnectionString(value);
  } catch (error) {
    // The URL itself is not repeated: it may hold a password.
    context.addIssue({ code: "custom", message: `cannot be read as a Postgres connection URL (${(error as Error).message}); e.g. ${POSTGRES_URL_EXAMPLE}` });
  }
});

const secretList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((secret) => secret.trim())
      .filter((secret) => secret.length > 0),
  );

const envSchema = z.object({
  // Fail closed: only `npm run dev` sets development (unsigned webhooks, the public development AUTH_SECRET); a server
  // started any other way, NODE_ENV unset, is production.
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  DATABASE_URL: postgresUrl.optional(),
  // Unset: every interface in production (behind a proxy or a container's port), only this machine in development.
  HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  FLIREO_WEBHOOK_SECRET: secretList,
  ALLOW_UNSIGNED_WEBHOOKS: booleanFlag,
  WEBHOOK_SECRET_GRACE_HOURS: z.coerce.number().min(0).max(24 * 30).default(24),
  FLIREO_API_BASE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .default("https://api.hmsovereign.com/api/v1")
    .transform((value) => value.replace(/\/+$/, "")),
  FLIREO_API_KEY: z.string().trim().min(1).optional(),
  // Requests Callboard makes to Flireo per minute and API key, all parts together (Flireo allows 100).
  FLIREO_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100).default(90),
  // Of those, what reconciliation with Flireo may use.
  FLIREO_RECONCILE_BUDGET_PER_MINUTE: z.coerce.number().int().min(1).max(100).default(30),
  // How often Callboard checks its calls against Flireo's (0: never; it also runs once at start).
  FLIREO_RECONCILE_SECONDS: z.coerce.number().int().min(0).max(24 * 3600).default(60),
  // A live call with no event for this long is looked up at Flireo.
  FLIREO_CHECK_SILENT_MINUTES: z.coerce.number().positive().default(15),
  WEBHOOK_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  /** Raw webhook events are kept this long (calls keep their final state for good). */
  EVENT_RETENTION_DAYS: z.coerce.number().positive().default(90),
  /** A live call is marked long (amber) past this many minutes, very long (red) past twice as many. */
  LONG_CALL_MINUTES: z.coerce.number().positive().max(24 * 60).default(10),
  STALE_CALL_MINUTES: z.coerce.number().positive().default(120),
  STALE_SWEEP_INTERVAL_SECONDS: z.coerce.number().positive().default(60),
  WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().positive().default(7),
  WEBHOOK_DELIVERY_MAX_ROWS: z.coerce.number().int().positive().default(100_000),
  DEFAULT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be a two-letter ISO country code such as NL or US")
    .refine(isSupportedCountry, "is not a country libphonenumber knows")
    .default("NL"),
  // The zone of times written where no browser says its own: alerts, e-mails, and a page's first render before the
  // browser has told its zone. Never the server's own zone (servers run in UTC, their readers rarely do).
  DEFAULT_TIMEZONE: z
    .string()
    .refine(isKnownTimeZone, "is not a time zone this Node.js knows: use an IANA name such as Europe/Amsterdam or UTC")
    .default("Europe/Amsterdam"),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
  /** How instances share live updates: through Postgres (default), Redis (default when REDIS_URL is set), or not at all. */
  REALTIME_ADAPTER: z.enum(["postgres", "redis", "none"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  EMBEDDED_POSTGRES_DIR: z.string().min(1).default(".data/postgres"),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  // Encrypts the secrets Callboard stores (lib/secrets/secret-box.ts): one key or several, comma-separated; the first
  // encrypts, every one decrypts. Required in production (resolveEncryptionKeys). Never repeated in a message.
  CALLBOARD_ENCRYPTION_KEY: z
    .string()
    .optional()
    .transform(splitEncryptionKeys)
    .superRefine((keys, context) => {
      for (const [index, key] of keys.entries()) {
        if (decodeEncryptionKey(key)) continue;
        const which = keys.length > 1 ? `key ${index + 1} of ${keys.length}` : "the key";
        context.addIssue({ code: "custom", message: `${which} is not 32 bytes in base64 or hex: make one with \`openssl rand -base64 32\`` });
      }
    }),
  // Signs session cookies. Required in production (see resolveAuthSecret); at least 32 characters.
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  // Behind a reverse proxy, trust its X-Forwarded-For (rightmost entry) as the client address.
  TRUST_PROXY: booleanFlag,
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(5),
  WEBHOOK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30000),
  // Webhooks one instance holds at once before answering 503 (bounds memory when Postgres or the CPU falls behind).
  WEBHOOK_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(1000),
  // Of those, at most this many from one source address: slow senders on one address cannot take every place.
  WEBHOOK_MAX_IN_FLIGHT_PER_SOURCE: z.coerce.number().int().positive().default(250),
  // A webhook's headers and body must arrive within this long; past it, 408 and the connection closes.
  WEBHOOK_BODY_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(10_000),
  // Of those, how many Next.js handles at once; the others wait for their turn (webhook-admission.ts).
  WEBHOOK_MAX_CONCURRENT: z.coerce.number().int().positive().default(16),
  // Stop when the process with this id is gone (the test harness sets it, so a killed test run leaves no server behind).
  CALLBOARD_PARENT_PID: z.coerce.number().int().positive().optional(),
  // Live connections one user may hold open on one instance (every open board or call page is one).
  SOCKET_MAX_PER_USER: z.coerce.number().int().positive().default(20),
  // Screens one wallboard link may have open on one instance: a leaked link cannot feed hundreds of strangers.
  WALLBOARD_MAX_SCREENS: z.coerce.number().int().positive().default(10),
  // How often open connections' sessions are checked again: one revoked or expired elsewhere is closed within this.
  SOCKET_REVALIDATE_SECONDS: z.coerce.number().positive().max(60).default(30),
  // Requests per minute each read-API token may make (/api/v1); bursts up to a minute's worth pass at once.
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  // Refused read-API tokens one address may send per minute before it gets 429 (shared by all instances).
  API_TOKEN_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(20),
  // Commands to live calls (end, say, transfer, brief) each supervisor or admin may send per minute, all instances together.
  CONTROL_COMMANDS_PER_MINUTE: z.coerce.number().int().positive().default(30),
  // When set, /api/metrics also accepts `Authorization: Bearer <METRICS_TOKEN>` (for a scraper without a session).
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // Error alerts (lib/alerts): e-mail destinations send through this SMTP server (smtp:// or smtps://, with
  // user:password@ if it needs them), from this address.
  ALERT_SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  ALERT_EMAIL_FROM: z.string().trim().min(3).default("Callboard <callboard@localhost>"),
  /** A failed alert delivery is retried after this many seconds, doubling each time (capped at an hour). */
  ALERT_RETRY_BASE_SECONDS: z.coerce.number().positive().default(15),
  ALERT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  /** Every outbound alert request (HTTP or SMTP) gives up after this long. */
  ALERT_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(10),
  ALERT_DELIVERY_RETENTION_DAYS: z.coerce.number().positive().default(30),
  /** off: this instance never evaluates or sends alerts (another instance on the same database does). */
  ALERT_WORKER: z.enum(["on", "off"]).default("on"),
  // Alert webhooks go to public addresses only. true also opens private networks (10/8, 172.16/12, 192.168/16,
  // 100.64/10, fc00::/7) for an on-premises receiver; link-local (cloud metadata), multicast and the like never.
  ALERT_ALLOW_PRIVATE_DESTINATIONS: booleanFlag,
  // true also opens this machine itself (127/8, ::1), where Postgres and Callboard listen: for tests and a receiver
  // on the same host only.
  ALERT_ALLOW_LOOPBACK_DESTINATIONS: booleanFlag,
  // Hosts a Slack destination may name (https only): Slack's, plus e.g. a Mattermost server's.
  ALERT_SLACK_HOSTS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "hooks.slack.com")
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host.length > 0),
    ),
});

export type Env = Omit<z.infer<typeof envSchema>, "HOST"> & { HOST: string };

export class InvalidEnvironmentError extends Error {
  override name = "InvalidEnvironmentError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value means "not set", as in most .env tooling.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new InvalidEnvironmentError(`Invalid environment variables:\n${problems.join("\n")}`);
  }
  const { HOST, ...rest } = result.data;
  return { ...rest, HOST: HOST ?? (rest.NODE_ENV === "development" ? "127.0.0.1" : "0.0.0.0") };
}

export const env: Env = parseEnv(process.env);

// Only for development and tests on a developer's machine: production refuses to start without AUTH_SECRET.
export const DEVELOPMENT_AUTH_SECRET = "callboard-development-secret-do-not-use-in-production";

/**
 * AUTH_SECRET, or in development a fixed, publicly known default: sessions are then forgeable, which server.ts says
 * once at start-up.
 */
export function resolveAuthSecret(source: Env = env): string {
  if (source.AUTH_SECRET) return source.AUTH_SECRET;
  if (source.NODE_ENV === "production") {
    throw new InvalidEnvironmentError("AUTH_SECRET is required in production: set it to a random value, e.g. `openssl rand -base64 32`.");
  }
  return DEVELOPMENT_AUTH_SECRET;
}
