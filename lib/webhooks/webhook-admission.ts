// Bounds how many webhooks one instance holds at once. When Postgres or the CPU falls behind, requests would
// otherwise queue without limit, each holding its body, parsers and Next's request state, until the process runs out
// of memory and loses them all. Past the bound a webhook gets an immediate 503 with Retry-After, counted in
// /api/metrics, and the instance keeps serving the ones it holds. Node's http server has no such per-route limit
// (maxConnections closes sockets without an answer), hence this counter.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, errorBody } from "@/lib/http/api-error";
import { logger } from "@/lib/observability/logger";
import { observeWebhook } from "@/lib/observability/metrics";

const WARN_EVERY_MS = 10_000;

export type WebhookAdmission = {
  /** Admits the request (released when its response closes), or answers it with 503 and returns false. */
  admit: (request: IncomingMessage, response: ServerResponse) => boolean;
  readonly inFlight: number;
};

export function createWebhookAdmission(maxInFlight: number): WebhookAdmission {
  let inFlight = 0;
  let refusedSinceWarning = 0;
  let warnedAt = 0;
  return {
    admit(request, response) {
      if (inFlight < maxInFlight) {
        inFlight += 1;
        response.once("close", () => (inFlight -= 1));
        return true;
      }
      const error = new ApiError("unavailable", `Callboard is already handling ${maxInFlight} webhooks; retry in a second.`, {
        headers: { "retry-after": "1" },
      });
      // The body is not read: closing the connection after the answer keeps it from being parsed as a next request.
      response.writeHead(error.status, { "content-type": "application/json", connection: "close", ...error.headers });
      response.end(JSON.stringify(errorBody(error)));
      request.resume();
      observeWebhook("overloaded", 0);
      refusedSinceWarning += 1;
      if (Date.now() - warnedAt >= WARN_EVERY_MS) {
        logger.warn({ refused: refusedSinceWarning, maxInFlight }, "Webhooks refused with 503: too many in flight");
        warnedAt = Date.now();
        refusedSinceWarning = 0;
      }
      return false;
    },
    get inFlight() {
      return inFlight;
    },
  };
}
