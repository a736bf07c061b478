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

export function bodyTimedOut(timeoutMs: number): ApiError {
  // Closing the connection: the rest of a slow body is not worth waiting for.
  return new ApiError("request_timeout", `The body did not arrive within ${timeoutMs / 1000} s of the request's headers.`, { headers: { connection: "close" } });
}

type AdmissionOptions = {
  maxInFlight: number;
  maxConcurrent: number;
  maxTurnWaitMs?: number;
  /** Of the webhooks in flight, at most this many from one source address (`sourceOf`). */
  maxPerSource?: number;
  sourceOf?: (request: IncomingMessage) => string;
  /** A body that has not arrived whole this long after its headers is answered 408 (bodyDeadline tells readers). */
  bodyTimeoutMs?: number;
  /** A refusal for a request before it takes a place (a source over its rate limit, say), or null to admit it. */
  screen?: (request: IncomingMessage) => ApiError | null | Promise<ApiError | null>;
  /** Told of every refusal this admission answers (429, 503, 408), after it is sent (for the metrics and the delivery log). */
  onRefused?: (error: ApiError) => void;
};

/** Counts webhooks in flight per source address; an address leaves the map with its last one. */
function createSourceCounts(maxPerSource: number) {
  const perSource = new Map<string, number>();
  return {
    /** Takes a place for `source`, or false when it holds all of its own already. */
    take(source: string): boolean {
      const held = perSource.get(source) ?? 0;
      if (held >= maxPerSource) return false;
      perSource.set(source, held + 1);
      return true;
    },
    release(source: string): void {
      const left = (perSource.get(source) ?? 1) - 1;
      if (left > 0) perSource.set(source, left);
      else perSource.delete(source);
    },
  };
}

/** Webhooks whose body has arrived, waiting for one of `maxConcurrent` turns, first come first served. */
function createTurns(maxConcurrent: number, maxTurnWaitMs: number) {
  const waiting: Waiting[] = [];
  let running = 0;
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
  return {
    get running() {
      return running;
    },
    wait(entry: Waiting): void {
      entry.since = Date.now();
      waiting.push(entry);
      startNext();
      if (waiting.length > 0 && !sweeper) {
        sweeper = setInterval(sweep, Math.min(250, maxTurnWaitMs));
        sweeper.unref();
      }
    },
    started: () => void (running += 1),
    /** A webhook left: its turn (if it had one) goes to the next, or it stops waiting. */
    left(entry: Waiting, hadTurn: boolean): void {
      if (hadTurn) running -= 1;
      else if (waiting.includes(entry)) waiting.splice(waiting.indexOf(entry), 1);
      startNext();
    },
  };
}

export function createWebhookAdmission(options: AdmissionOptions): WebhookAdmission {
  const { maxInFlight, maxConcurrent, maxTurnWaitMs = MAX_TURN_WAIT_MS, maxPerSource = Number.POSITIVE_INFINITY, bodyTimeoutMs = 10_000 } = options;
  const sourceOf = options.sourceOf ?? ((request: IncomingMessage) => request.socket.remoteAddress ?? "unknown");
  const sources = createSourceCounts(maxPerSource);
  const turns = createTurns(maxConcurrent, maxTurnWaitMs);
  let inFlight = 0;
  const unavailable = (message: string) => new ApiError("unavailable", message, { headers: { "retry-after": "1" } });

  function refuse(request: IncomingMessage, response: ServerResponse, error: ApiError): void {
    if (response.headersSent || response.destroyed) return;
    // The body may be unread: closing the connection after the answer keeps it from being parsed as a next request.
    response.writeHead(error.status, { "content-type": "application/json", connection: "close", ...error.headers });
    response.end(JSON.stringify(errorBody(error)));
    request.resume();
    options.onRefused?.(error);
  }

  function admitScreened(request: IncomingMessage, response: ServerResponse, handle: () => void): void {
    if (inFlight >= maxInFlight) return refuse(request, response, unavailable(`Callboard is already handling ${maxInFlight} webhooks; retry in a second.`));
    // One address trickling a thousand slow bodies must not take every place.
    const source = sourceOf(request);
    if (!sources.take(source)) return refuse(request, response, unavailable(`This address already has ${maxPerSource} webhooks in flight; retry in a second.`));
    inFlight += 1;
    let hasTurn = false;
    // A body too slow to arrive is answered 408 here while it waits; once handed on, the reader keeps the deadline.
    const deadline = setTimeout(() => hasTurn || refuse(request, response, bodyTimedOut(bodyTimeoutMs)), bodyTimeoutMs);
    const entry: Waiting = {
      run: () => {
        if (response.destroyed) return; // The sender gave up while it waited.
        hasTurn = true;
        turns.started();
        handle();
      },
      refuse: () => refuse(request, response, unavailable(`Callboard could not take this webhook within ${maxTurnWaitMs / 1000} s; retry in a second.`)),
      since: 0,
    };
    response.once("close", () => {
      clearTimeout(deadline);
      sources.release(source);
      inFlight -= 1;
      turns.left(entry, hasTurn);
    });
    whenBodyArrived(request, (isWhole) => {
      if (!isWhole) return entry.run();
      // Whole: from here the wait for a turn is bounded by maxTurnWaitMs instead.
      clearTimeout(deadline);
      turns.wait(entry);
    });
  }

  return {
    admit(request, response, handle) {
      const screened = options.screen?.(request);
      if (screened instanceof Promise) {
        void screened.then((refusal) => (refusal ? refuse(request, response, refusal) : admitScreened(request, response, handle)));
        return;
      }
      if (screened) return refuse(request, response, screened);
      admitScreened(request, response, handle);
    },
    get inFlight() {
      return inFlight;
    },
    get running() {
      return turns.running;
    },
  };
}
