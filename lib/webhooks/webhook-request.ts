// What the webhook handler reads of a request: its headers and its raw body, straight off Node's request where
// server.ts hands it over.
//
// Why not only the Request Next gives a route handler: its body is a Web ReadableStream that undici pulls from
// Node's stream through an async iterator, and each of its header reads validates the name again. For a webhook's
// few hundred bytes and ten headers that cost more main-thread CPU than verifying the signature
// (`npm run bench:ingest-profile`), on the one thread every webhook and page shares. server.ts files each webhook's
// Node request under a ticket it writes into the request's headers; the route handler takes it back by that
// ticket and reads the same bytes from Node's own 'data' events. Without server.ts (a test calling the handler
// with a plain Request) the Request is read as before.
import type { IncomingMessage } from "node:http";
import { ApiError } from "@/lib/http/api-error";
import { payloadTooLarge, readBodyWithLimit } from "./read-body";

export type WebhookRequest = {
  /** A header's value (name in lower case), or null. */
  header: (name: string) => string | null;
  /** The raw body, refused with 413 as soon as it passes `limitBytes`. Read once. */
  readBody: (limitBytes: number) => Promise<Buffer>;
};

/** Set by server.ts on each webhook request it files, and removed from every other: the filed request's key. */
export const REQUEST_TICKET_HEADER = "x-callboard-request-ticket";

// server.ts and the bundled route handler load separate copies of this module: the entries live on globalThis.
const FILED_KEY = Symbol.for("callboard.webhookRequests");
const filed: Map<string, IncomingMessage> = ((globalThis as { [FILED_KEY]?: Map<string, IncomingMessage> })[FILED_KEY] ??= new Map<string, IncomingMessage>());
let nextTicket = 0;

/** Files a webhook request for its route handler (server.ts); the entry goes when the response closes, taken or not. */
export function fileWebhookRequest(request: IncomingMessage, onResponseClose: (listener: () => void) => void): void {
  const ticket = String(nextTicket++);
  request.headers[REQUEST_TICKET_HEADER] = ticket;
  filed.set(ticket, request);
  onResponseClose(() => filed.delete(ticket));
}

/**
 * Reads a Node request's body up to `limitBytes`, refusing as soon as the limit is passed (not after buffering it
 * all). Past the limit reading stops: the sender, held back by TCP, gets the 413 instead of streaming on.
 */
export function readNodeBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
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
    const stop = () => {
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
    // Flowing even where an earlier reader paused it (webhook-admission.ts waits for the body without reading it).
    request.resume();
  });
}

function fromNodeRequest(incoming: IncomingMessage): WebhookRequest {
  return {
    header: (name) => {
      const value = incoming.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    readBody: (limitBytes) => readNodeBody(incoming, limitBytes),
  };
}

/** The webhook request behind `request`: the Node request server.ts filed for it, else the Request itself. */
export function toWebhookRequest(request: Request): WebhookRequest {
  const ticket = request.headers.get(REQUEST_TICKET_HEADER);
  const incoming = ticket === null ? undefined : filed.get(ticket);
  if (incoming) {
    filed.delete(ticket!);
    return fromNodeRequest(incoming);
  }
  return { header: (name) => request.headers.get(name), readBody: (limitBytes) => readBodyWithLimit(request, limitBytes) };
}
