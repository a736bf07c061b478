// One trustworthy client address per request, in X-Forwarded-For, for rate limits (Better Auth's and the webhook's).
// A client can send any X-Forwarded-For; left alone, a password guesser would get a fresh limit per request.
import type { IncomingMessage } from "node:http";

/**
 * Without a reverse proxy, the socket's peer is the client. Behind one (trustProxy), the rightmost
 * X-Forwarded-For entry is the address our proxy saw; entries left of it are the client's own claims.
 */
export function resolveClientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const peer = request.socket.remoteAddress ?? "unknown";
  if (!trustProxy) return peer;
  const forwarded = request.headers["x-forwarded-for"];
  const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? peer;
}

/** Replaces whatever the client sent, so every later reader of X-Forwarded-For sees one address. */
export function pinClientAddress(request: IncomingMessage, trustProxy: boolean): void {
  request.headers["x-forwarded-for"] = resolveClientAddress(request, trustProxy).replace(/^::ffff:/, "");
}

/** The address pinned by server.ts, for route handlers, from a request's header reader. */
export function getClientAddress(header: (name: string) => string | null): string {
  return header("x-forwarded-for") ?? "unknown";
}
