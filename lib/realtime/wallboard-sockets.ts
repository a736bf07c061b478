// Wallboard links' live connections: the rooms they join, which decide what they are sent (masked numbers, no
// commands), their end at the link's expiry, and their end when the link is revoked.
//
// Filtering by line happens in the browser, as on the board: a message is built at most twice per change (in full,
// and masked), whatever the number of screens and their filters, and every instance's adapter carries both.
import type { BroadcastOperator, Server, Socket } from "socket.io";
import type { CallView } from "@/lib/shared/calls/call-view";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/shared/realtime/events";
import { maskCallForWallboard } from "@/lib/wallboards/mask-call";

type CallboardSocketServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Every wallboard link's connection: they get calls, never commands to calls. */
export const WALLBOARDS_ROOM = "wallboards";
/** The connections of links that mask customers' numbers: they get the masked copy of each message. */
export const MASKED_ROOM = "wallboards:masked";
const wallboardRoom = (id: string) => `wallboard:${id}`;

export type WallboardSocketIdentity = { wallboardId: string; isMasked: boolean; expiresAt: Date | null };

/** A refused link: why, in words for the screen, and `revoked` / `expired` for the screen to say so in large type. */
export type WallboardRefusal = { refused: string; reason: string | null };

/** Joins a link's connection to its rooms and ends it when the link expires. */
export function admitWallboardSocket(socket: Socket<ClientToServerEvents, ServerToClientEvents>, identity: WallboardSocketIdentity): void {
  void socket.join([WALLBOARDS_ROOM, wallboardRoom(identity.wallboardId), ...(identity.isMasked ? [MASKED_ROOM] : [])]);
  if (!identity.expiresAt) return;
  const expiry = setTimeout(
    () => {
      socket.emit("wallboard:ended", { reason: "expired", message: "This wallboard link has expired." });
      socket.disconnect(true);
    },
    Math.min(identity.expiresAt.getTime() - Date.now(), 2 ** 31 - 1),
  );
  socket.once("disconnect", () => clearTimeout(expiry));
}

/**
 * Tells a revoked link's screens, on every instance, and closes their connections a moment later: the adapter sends a
 * broadcast only once it has published it to the other instances, but disconnects local sockets at once, so closing
 * straight away would close them before they hear why. (A screen that still misses it learns why when it connects
 * again: the handshake is refused as revoked.)
 */
export function endWallboardSockets(io: CallboardSocketServer, wallboardId: string): void {
  io.to(wallboardRoom(wallboardId)).emit("wallboard:ended", { reason: "revoked", message: "This wallboard link was revoked." });
  setTimeout(() => io.in(wallboardRoom(wallboardId)).disconnectSockets(true), DISCONNECT_DELAY_MS).unref();
}

const DISCONNECT_DELAY_MS = 500;

/** Closes a changed link's connections, on every instance: its screens connect again at once and are admitted as it now is. */
export function reconnectWallboardSockets(io: CallboardSocketServer, wallboardId: string): void {
  io.in(wallboardRoom(wallboardId)).disconnectSockets(true);
}

/** Every connection (the server), or this instance's alone (`io.local`). */
export type Audience = CallboardSocketServer | BroadcastOperator<ServerToClientEvents, unknown>;

/** Sends calls to everyone: in full to boards and unmasked links, masked to masked links. */
export function emitCalls(io: Audience, calls: CallView[]): void {
  io.except(MASKED_ROOM).emit("calls:updated", calls);
  io.to(MASKED_ROOM).emit("calls:updated", calls.map(maskCallForWallboard));
}
