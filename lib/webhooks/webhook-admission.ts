// Decides when a webhook POST goes on to Next.js (webhook-intake.ts), with two bounds.
//
// In flight (WEBHOOK_MAX_IN_FLIGHT): webhooks one instance holds at once. When Postgres or the CPU falls behind,
// requests would otherwise queue without limit, each holding its body, parsers and Next's request state, until the
// process runs out of memory and loses them all. Past the bound a webhook gets an immediate 503 with Retry-After,
// counted in /api/metrics, and the instance keeps serving the ones it holds. Node's http server has no such
// per-route limit (maxConnections closes sockets without an answer), hence this counter.
//
// Concurrent (WEBHOOK_MAX_CONCURRENT): of those, how many Next.js works on at once; the others wait their turn
// before Next builds anything for them. A webhook waits for its commit inside Next with all of Next's request state
// alive, and with 50 at once that live state made every young-generation collection of V8 copy three times as
// much as for a GET, and pushed it into the old generation (--trace-gc under bench:ingest). Letting 16 through at
// a time took bench:ingest from 1,070 to 1,350 webhooks/s on the same machine (0.85× to 1.03× the GET floor; CPU
// per webhook 1.07 to 0.85 ms), and a commit still takes up to 16.
//
// A webhook takes its turn only once its body has arrived, so a slow sender holds an in-flight place but never one
// of the few concurrent ones. A body larger than the request's stream buffers before it has arrived whole does not
// wait for a turn either: it is streamed to the handler at once, as before. One that waits longer than
// MAX_TURN_WAIT_MS for its turn (Postgres stalls, say, and every commit waits for its timeout) gets the same 503:
// an answer to retry, not silence until the sender gives up.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, errorBody } from "@/lib/http/api-error";

export const MAX_TURN_WAIT_MS = 5_000;

export type WebhookAdmission = {
  /**
   * Admits the request and calls `handle` when its turn comes (its place is released when its response closes), or
   * answers it with 503 and never calls `handle`.
   */
  admit: (request: IncomingMessage, response: ServerResponse, handle: () => void) => void;
  readonly inFlight: number;
  /** Handed to Next.js and not yet answered. */
  readonly running: number;
};

/** Calls `then(true)` once the body has arrived whole, or `then(false)` once more of it has come than Node buffers unread. */
function whenBodyArrived(request: IncomingMessage, then: (isWhole: boolean) => void): void {
  // Listening for 'readable' without reading leaves the body for the route handler: nothing is consumed.
  const check = () => {
    if (!request.complete && request.readableLength < request.readableHighWaterMark) return;
    request.off("readable", check);
    request.off("close", stop);
    then(request.complete);
  };
  const stop = () => request.off("readable", check);
  request.on("readable", check);
  request.once("close", stop);
  check();
}

type Waiting = { run: () => void; refuse: () => void; since: number };

type AdmissionOptions = {
  maxInFlight: number;
  maxConcurrent: number;
  maxTurnWaitMs?: number;
  /** Told of every 503 this admission answers, after it is sent (for the metrics and the delivery log). */
  onRefused?: (error: ApiError) => void;
};

export function createWebhookAdmission(options: AdmissionOptions): WebhookAdmission {
  const { maxInFlight, maxConcurrent, maxTurnWaitMs = MAX_TURN_WAIT_MS } = options;
  let inFlight = 0;
  let running = 0;
  const waiting: Waiting[] = [];
  let sweeper: ReturnType<typeof setInterval> | null = null;

  const startNext = () => {
    while (running < maxConcurrent && waiting.length > 0) waiting.shift()!.run();
  };

  /** Refuses, oldest first, those that have waited too long for their turn; stops while nobody waits. */
  const sweep = () => {
    const oldest = Date.now() - maxTurnWaitMs;
    while (waiting.length > 0 && waiting[0]!.since <= oldest) waiting.shift()!.refuse();
    if (waiting.length === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = null;
    }
  };

  function refuse(request: IncomingMessage, response: ServerResponse, message: string): void {
    const error = new ApiError("unavailable", message, { headers: { "retry-after": "1" } });
    // The body may be unread: closing the connection after the answer keeps it from being parsed as a next request.
    response.writeHead(error.status, { "content-type": "application/json", connection: "close", ...error.headers });
    response.end(JSON.stringify(errorBody(error)));
    request.resume();
    options.onRefused?.(error);
  }

  return {
    admit(request, response, handle) {
      if (inFlight >= maxInFlight) {
        return refuse(request, response, `Callboard is already handling ${maxInFlight} webhooks; retry in a second.`);
      }
      inFlight += 1;
      let isRunning = false;
      const run = () => {
        if (response.destroyed) return; // The sender gave up while it waited.
        isRunning = true;
        running += 1;
        handle();
      };
      const entry: Waiting = {
        run,
        refuse: () => refuse(request, response, `Callboard could not take this webhook within ${maxTurnWaitMs / 1000} s; retry in a second.`),
        since: 0,
      };
      response.once("close", () => {
        inFlight -= 1;
        if (isRunning) running -= 1;
        else if (waiting.includes(entry)) waiting.splice(waiting.indexOf(entry), 1);
        startNext();
      });
      whenBodyArrived(request, (isWhole) => {
        if (!isWhole) return run();
        entry.since = Date.now();
        waiting.push(entry);
        startNext();
        if (waiting.length > 0 && !sweeper) {
          sweeper = setInterval(sweep, Math.min(250, maxTurnWaitMs));
          sweeper.unref();
        }
      });
    },
    get inFlight() {
      return inFlight;
    },
    get running() {
      return running;
    },
  };
}
