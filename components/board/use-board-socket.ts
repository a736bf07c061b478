"use client";
// The board's live connection: Socket.IO updates into the store, the connection's state for the indicator, and a
// fresh snapshot after every (re)connect, so nothing missed while away stays missing.
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { CallStore } from "@/lib/shared/calls/call-store";
import type { CallView } from "@/lib/shared/calls/call-view";
import type { CallCommandView } from "@/lib/shared/control/call-command";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/shared/realtime/events";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type Handlers = {
  /** Reloads the board's lists from the server. */
  resync: () => Promise<void>;
  /** Called for every call an update shows has newly ended with an error. */
  onNewError: (call: CallView) => void;
  /** Commands to live calls, as they are sent and answered. */
  onCommands?: (commands: CallCommandView[]) => void;
};

/** Follows the browser going offline and online again; returns the cleanup. */
function watchBrowserConnection(socket: BoardSocket, setConnection: (state: ConnectionState) => void): () => void {
  const goOffline = () => setConnection("offline");
  const goOnline = () => {
    setConnection(socket.connected ? "live" : "reconnecting");
    if (!socket.connected) socket.connect();
  };
  window.addEventListener("offline", goOffline);
  window.addEventListener("online", goOnline);
  return () => {
    window.removeEventListener("offline", goOffline);
    window.removeEventListener("online", goOnline);
  };
}

export function useBoardSocket(store: CallStore, { resync, onNewError, onCommands }: Handlers): { connection: ConnectionState; lastEventAt: number | null } {
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);

  useEffect(() => {
    // Connects on the next task, not during the effect: React's development double mount runs this effect's
    // cleanup at once, and a socket closed while its WebSocket is still opening logs an error in the console.
    const socket: BoardSocket = io({ path: SOCKET_PATH, transports: ["websocket", "polling"], autoConnect: false });
    const connectSoon = setTimeout(() => socket.connect(), 0);
    socket.on("connect", () => {
      setConnection("live");
      // Whatever happened while the socket was down is in the database: reload it rather than miss it. That
      // includes the first connect: events between the server render and the socket's arrival were not pushed.
      void resync();
    });
    socket.on("disconnect", (reason) => {
      setConnection(reason === "io client disconnect" ? "offline" : "reconnecting");
    });
    socket.io.on("reconnect_failed", () => setConnection("offline"));
    socket.on("calls:updated", (calls) => {
      // The indicator shows seconds: at 200 events a second, re-render for it at most once a second.
      const receivedAt = Date.now();
      setLastEventAt((shown) => (shown !== null && receivedAt - shown < 1_000 ? shown : receivedAt));
      for (const { call, previous } of store.applyUpdates(calls)) {
        if (call.status === "ended-with-error" && previous?.status !== "ended-with-error") onNewError(call);
      }
    });
    if (onCommands) socket.on("commands:recorded", onCommands);
    const stopWatching = watchBrowserConnection(socket, setConnection);
    // Lets tests and operators cut and restore the live connection from the browser console.
    (window as unknown as { __callboardSocket?: BoardSocket }).__callboardSocket = socket;
    return () => {
      clearTimeout(connectSoon);
      stopWatching();
      socket.close();
    };
  }, [store, resync, onNewError, onCommands]);

  return { connection, lastEventAt };
}
