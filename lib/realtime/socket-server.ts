// The one Socket.IO server of the process. server.ts creates it; route handlers (a separate bundled copy of
// this module) reach it through globalThis. Only committed changes are broadcast.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { getSessionUser } from "@/lib/auth/session";
import type { CallView } from "@/lib/calls/call-view";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "./events";

export type CallboardSocketServer = Server<ClientToServerEvents, ServerToClientEvents>;

const IO_KEY = Symbol.for("callboard.io");
type IoHolder = { [IO_KEY]?: CallboardSocketServer };
const holder = globalThis as IoHolder;

export function attachSocketServer(httpServer: HttpServer): CallboardSocketServer {
  const io: CallboardSocketServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // The board only receives; a small buffer is plenty and keeps abusive clients cheap.
    maxHttpBufferSize: 16 * 1024,
  });
  // Every connection needs a signed-in user, checked with the same session lookup as pages and API routes.
  io.use((socket, next) => {
    const cookie = socket.handshake.headers.cookie ?? "";
    getSessionUser(new Headers({ cookie })).then(
      (user) => {
        if (!user) return next(new Error("unauthorized: sign in to receive live updates"));
        // A room per session: signing out, revoking the session or removing the user ends its open boards at once.
        void socket.join(`session:${user.session.id}`);
        // A connection outlives no session: it ends when the session expires (the board then asks to sign in).
        const expiry = setTimeout(() => socket.disconnect(true), Math.min(user.session.expiresAt.getTime() - Date.now(), 2 ** 31 - 1));
        socket.once("disconnect", () => clearTimeout(expiry));
        next();
      },
      () => next(new Error("unavailable: could not check the session")),
    );
  });
  holder[IO_KEY] = io;
  return io;
}

export function getSocketServer(): CallboardSocketServer | undefined {
  return holder[IO_KEY];
}

/** Ends the live connections of a session that was signed out or revoked. */
export function disconnectSessionSockets(sessionId: string): void {
  getSocketServer()?.in(`session:${sessionId}`).disconnectSockets(true);
}

export function broadcastCallUpdated(call: CallView): void {
  getSocketServer()?.emit("call:updated", call);
}
