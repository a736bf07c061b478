// Reads a webhook's body up to a byte limit, stopping as soon as the limit is passed (not after buffering it all).
//
// Straight off Node's request, which webhook-intake.ts keeps for the route handler: the Request Next gives a route
// handler has a Web ReadableStream body that undici pulls from Node's stream through an async iterator, and each of
// its header reads validates the name again. For a webhook's few hundred bytes and ten headers that cost more
// main-thread CPU than verifying the signature (`npm run bench:ingest-profile`).
import type { IncomingMessage } from "node:http";
import { ApiError } from "@/lib/http/api-error";
import { bodyTimedOut } from "./webhook-admission";

function payloadTooLarge(limitBytes: number): ApiError {
  return new ApiError("payload_too_large", `The body is larger than the ${limitBytes}-byte limit for this endpoint.`);
}

/** When a body must have arrived: `at` (epoch ms), `afterMs` after its headers (WEBHOOK_BODY_TIMEOUT_MS). */
export type BodyDeadline = { at: number; afterMs: number };

/**
 * Past the limit reading stops: the sender, held back by TCP, gets the 413 instead of streaming on. A body still
 * arriving at its deadline is refused with 408.
 */
export function readBody(request: IncomingMessage, limitBytes: number, deadline?: BodyDeadline): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? Number.NaN);
  if (declared > limitBytes) return Promise.reject(payloadTooLarge(limitBytes));
  // A webhook's body mostly arrives with its head: then it is all buffered already, and one read takes it.
  if (request.complete && request.readableFlowing === null && request.readableLength <= limitBytes) {
    const body = request.read() as Buffer | null;
    return Promise.resolve(body ?? Buffer.alloc(0));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(timer);
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limitBytes) {
        stop();
        request.pause();
        reject(payloadTooLarge(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total));
    };
    // A sender that went away mid-body: nobody reads the answer, but the handler must still finish.
    const onClose = () => {
      stop();
      reject(new ApiError("bad_request", "The connection closed before the whole body arrived."));
    };
    request.on("data", onData);
    request.once("end", onEnd);
    request.once("close", onClose);
    if (deadline) {
      timer = setTimeout(() => {
        stop();
        request.pause();
        reject(bodyTimedOut(deadline.afterMs));
      }, Math.max(0, deadline.at - Date.now()));
    }
    // Flowing even where an earlier reader paused it (webhook-admission.ts waits for the body without reading it).
    request.resume();
  });
}
