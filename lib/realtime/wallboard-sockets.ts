// Wallboard links' live connections: the rooms they join, which decide what they are sent (masked numbers, their own
// line's calls alone, no commands), their end at the link's expiry, and their end when the link is revoked.
//
// A link's line is a permission, not a view: its connection is only ever sent calls of that line (`emitCalls` in
// call-publisher.ts sends each room its share).
import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/shared/realtime/events";

type CallboardSocketServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Signed-in users' connections (boards, call pages, their own walls): every call, in full, and commands. */
export const BOARDS_ROOM = "boards";
/** Every wallboard link's connection: they get calls, never commands to calls. */
export const WALLBOARDS_ROOM = "wallboards";
/** Links for every line that show full numbers. */
export const FULL_ROOM = "wallboards:full";
/** Links for every line that mask customers' numbers: they get the masked copy of each message. */
export const MASKED_ROOM = "wallboards:masked";
/**
 * The links of one line: its calls and no others, in full or masked. The variant comes before the number, which is
 * the webhook's text: no line number can name the other variant's room.
 */
export const lineRoom = (lineNumber: string, isMasked: boolean) => `${isMasked ? "wallboards:line-masked" : "wallboards:line"}:${lineNumber}`;
const wallboardRoom = (id: string) => `wallboard:${id}`;

export type WallboardSocketIdentity = { wallboardId: string; lineNumber: string | null; isMasked: boolean; expiresAt: Date | null };

/** A refused link: why, in words for the screen, and `revoked` / `expired` for the screen to say so in large type. */
export type WallboardRefusal = { refused: string; reason: string | null };

/** The room that decides which calls a link's connection is sent, and how. */
function callsRoom(identity: WallboardSocketIdentity): string {
  if (identity.lineNumber) return lineRoom(identity.lineNumber, identity.isMasked);
  return identity.isMasked ? MASKED_ROOM : FULL_ROOM;
}

/** Joins a link's connection to its rooms and ends it when the link expires. */
export function admitWallboardSocket(socket: Socket<ClientToServerEvents, ServerToClientEvents>, identity: WallboardSocketIdentity): void {
  void socket.join([WALLBOARDS_ROOM, wallboardRoom(identity.wallboardId), callsRoom(identity)]);
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

/**
 * A changed link's screens, on every instance: told, so that each loads the wall again as the link now is (numbers
 * included, which it keeps by version and would not replace), then closed a moment later (as above), so a screen that
 * missed the word still connects again and is admitted as the link now is.
 */
export function reconnectWallboardSockets(io: CallboardSocketServer, wallboardId: string): void {
  io.to(wallboardRoom(wallboardId)).emit("wallboard:changed");
  setTimeout(() => io.in(wallboardRoom(wallboardId)).disconnectSockets(true), DISCONNECT_DELAY_MS).unref();
}
