// Prometheus metrics, served at /api/metrics. One set per process, made by the application context
// (lib/context/app-context.ts), so server.ts and the route handlers count into the same registry.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export type Metrics = {
  registry: Registry;
  webhooks: Counter<"outcome">;
  ingestSeconds: Histogram<"outcome">;
  socketClients: Gauge;
  webhooksHeld: Gauge<"state">;
  /** Reads the webhook admission's counts when metrics are scraped (server.ts sets it). */
  heldWebhooks?: () => { inFlight: number; running: number };
  broadcasts: Counter;
  alertsSent: Counter<"destination">;
  alertsFailed: Counter<"destination">;
  alertAttemptsFailed: Counter<"destination">;
  flireoRequests: Counter<"lane" | "answer">;
  reconcileRounds: Counter<"outcome">;
  reconcileCalls: Counter<"kind">;
  flireoDrift: Gauge;
  flireoDriftRounds: Counter;
  /** Counts one request to Flireo's REST API by its answer: 2xx, 4xx, 429, 5xx, or none (network error, timeout). */
  observeFlireoAnswer: (lane: string, status: number | null) => void;
  /** Counts one webhook and its duration. */
  observeWebhook: (outcome: string, seconds: number) => void;
};

type WebhookSeries = { count: { inc: () => void }; duration: { observe: (seconds: number) => void } };

/** Flireo's REST API: requests by lane and answer, and the rounds of checking the board against it. */
function createFlireoMetrics(registry: Registry): Pick<Metrics, "flireoRequests" | "reconcileRounds" | "reconcileCalls" | "flireoDrift" | "flireoDriftRounds"> {
  return {
    flireoRequests: new Counter({
      name: "callboard_flireo_requests_total",
      help: "Requests to Flireo's REST API by lane (registration, reconcile, control) and answer (2xx, 4xx, 429, 5xx, none).",
      labelNames: ["lane", "answer"],
      registers: [registry],
    }),
    reconcileRounds: new Counter({
      name: "callboard_reconcile_rounds_total",
      help: "Rounds of checking the board against Flireo's API, by outcome (complete, incomplete, skipped).",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    reconcileCalls: new Counter({
      name: "callboard_reconcile_calls_total",
      help: "Calls changed by checking against Flireo's API, by kind (backfilled, closed, updated, confirmed, unresolved).",
      labelNames: ["kind"],
      registers: [registry],
    }),
    flireoDrift: new Gauge({
      name: "callboard_flireo_drift_calls",
      help: "Calls in progress at Flireo minus calls live on the board, at the last round.",
      registers: [registry],
    }),
    flireoDriftRounds: new Counter({
      name: "callboard_flireo_drift_rounds_total",
      help: "Rounds in which Flireo's count of calls in progress and the board's disagreed.",
      registers: [registry],
    }),
  };
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  // Includes nodejs_eventloop_lag_seconds and the process's memory and CPU.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  // The labelled series are looked up once per outcome, not hashed per webhook.
  const webhookSeries = new Map<string, WebhookSeries>();
  const metrics: Metrics = {
    registry,
    webhooks: new Counter({
      name: "callboard_webhooks_total",
      help: "Webhook requests by outcome (stored, duplicate, ignored, rejected, unavailable; refused unread: rate_limited, overloaded, timed_out).",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    ingestSeconds: new Histogram({
      name: "callboard_webhook_duration_seconds",
      help: "Time from receiving a webhook to answering it.",
      labelNames: ["outcome"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    socketClients: new Gauge({
      name: "callboard_socket_clients",
      help: "Boards connected over Socket.IO to this instance.",
      registers: [registry],
    }),
    webhooksHeld: new Gauge({
      name: "callboard_webhooks_held",
      help: "Webhooks this instance holds: running (being handled) or waiting (for their body or their turn).",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        const held = metrics.heldWebhooks?.();
        this.set({ state: "running" }, held?.running ?? 0);
        this.set({ state: "waiting" }, held ? held.inFlight - held.running : 0);
      },
    }),
    broadcasts: new Counter({
      name: "callboard_broadcasts_total",
      help: "Call updates broadcast to boards.",
      registers: [registry],
    }),
    alertsSent: new Counter({
      name: "callboard_alerts_sent_total",
      help: "Alert deliveries sent, by destination kind (webhook, slack, email).",
      labelNames: ["destination"],
      registers: [registry],
    }),
    alertsFailed: new Counter({
      name: "callboard_alerts_failed_total",
      help: "Alert deliveries given up on (after their last attempt, or at once when a retry cannot help), by destination kind.",
      labelNames: ["destination"],
      registers: [registry],
    }),
    alertAttemptsFailed: new Counter({
      name: "callboard_alert_attempts_failed_total",
      help: "Failed alert delivery attempts, retried or not, by destination kind.",
      labelNames: ["destination"],
      registers: [registry],
    }),
    ...createFlireoMetrics(registry),
    observeFlireoAnswer(lane, status) {
      const answer = status === null ? "none" : status === 429 ? "429" : `${Math.floor(status / 100)}xx`;
      metrics.flireoRequests.inc({ lane, answer });
    },
    observeWebhook(outcome, seconds) {
      let series = webhookSeries.get(outcome);
      if (!series) {
        series = { count: metrics.webhooks.labels({ outcome }), duration: metrics.ingestSeconds.labels({ outcome }) };
        webhookSeries.set(outcome, series);
      }
      series.count.inc();
      series.duration.observe(seconds);
    },
  };
  return metrics;
}
