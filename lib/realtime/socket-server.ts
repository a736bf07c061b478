// The one Socket.IO server of the process. server.ts creates it; route handlers (a separate bundled copy of
// this module) reach it through globalThis. Only committed changes are broadcast.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
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
  holder[IO_KEY] = io;
  return io;
}

export function getSocketServer(): CallboardSocketServer | undefined {
  return holder[IO_KEY];
}

export function broadcastCallUpdated(call: CallView): void {
  getSocketServer()?.emit("call:updated", call);
}
