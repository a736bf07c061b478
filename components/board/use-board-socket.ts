"use client";
// The board's live connection: Socket.IO updates into the store, the connection's state for the indicator, and a
// fresh snapshot after every (re)connect, so nothing missed while away stays missing.
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { CallStore } from "@/lib/shared/calls/call-store";
import type { CallView } from "@/lib/shared/calls/call-view";
import type { CallCommandView } from "@/lib/shared/control/call-command";
import type { ErrorBody } from "@/lib/shared/http/error-shape";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents, type WallboardEnded } from "@/lib/shared/realtime/events";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type Handlers = {
  /** Reloads the board's lists from the server. */
  resync: () => Promise<void>;
  /** Called for every call an update shows has newly ended with an error. */
  onNewError: (call: CallView) => void;
  /** Commands to live calls, as they are sent and answered. */
  onCommands?: (commands: CallCommandView[]) => void;
  /** A wallboard link's screen: the link was revoked or expired (told over the socket, or in a refused handshake). */
  onWallboardEnded?: (ended: WallboardEnded) => void;
  /** A wallboard link's screen: an admin changed the link (its masking). */
  onWallboardChanged?: () => void;
};

/** How long to wait before connecting again after the server could not check the connection (its database was down). */
const RETRY_UNAVAILABLE_MS = 5_000;

/** A wallboard link that the handshake refused as revoked or expired, from connect_error's data. */
function endedWallboard(error: Error): WallboardEnded | null {
  const shape = (error as Error & { data?: ErrorBody }).data?.error;
  const reason = (shape?.details as { reason?: unknown } | undefined)?.reason;
  return shape && (reason === "revoked" || reason === "expired") ? { reason, message: shape.message } : null;
}

/**
 * Follows the browser going offline and online again, and the tab being hidden and shown; returns the cleanup.
 * Socket.IO by itself waits out its reconnection backoff (seconds, and longer in a throttled background tab) and
 * may not notice a connection that died while offline: when the network or the tab is back, start a fresh
 * connection at once, whose connect resyncs the board.
 */
function watchBrowserConnection(socket: BoardSocket, setConnection: (state: ConnectionState) => void, restart: () => void): () => void {
  const goOffline = () => setConnection("offline");
  const goOnline = () => restart();
  const onVisible = () => {
    if (document.visibilityState === "visible" && !socket.connected) restart();
  };
  window.addEventListener("offline", goOffline);
  window.addEventListener("online", goOnline);
  document.addEventListener("visibilitychange", onVisible);
  return () => {
    window.removeEventListener("offline", goOffline);
    window.removeEventListener("online", goOnline);
    document.removeEventListener("visibilitychange", onVisible);
  };
}

export function useBoardSocket(store: CallStore, { resync, onNewError, onCommands, onWallboardEnded, onWallboardChanged }: Handlers): { connection: ConnectionState; lastEventAt: number | null } {
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);

  useEffect(() => {
    // Connects on the next task, not during the effect: React's development double mount runs this effect's
    // cleanup at once, and a socket closed while its WebSocket is still opening logs an error in the console.
    const socket: BoardSocket = io({ path: SOCKET_PATH, transports: ["websocket", "polling"], autoConnect: false });
    const connectSoon = setTimeout(() => socket.connect(), 0);
    let isRestarting = false;
    const restart = () => {
      setConnection("reconnecting");
      // The lists need not wait for the socket's handshake: load them now; the connect loads them once more.
      void resync();
      isRestarting = true;
      // Closing drops a pending backoff timer and the old transport; connecting opens a new one right away.
      socket.disconnect();
      isRestarting = false;
      socket.connect();
    };
    socket.on("connect", () => {
      setConnection("live");
      // Whatever happened while the socket was down is in the database: reload it rather than miss it. That
      // includes the first connect: events between the server render and the socket's arrival were not pushed.
      void resync();
    });
    socket.on("disconnect", (reason) => {
      setConnection(reason === "io client disconnect" && !isRestarting ? "offline" : "reconnecting");
      // A wallboard the server closed connects again: a revoked or expired link's handshake is then refused with
      // the reason, which the screen shows (in case the notice before the close was missed).
      if (reason === "io server disconnect" && onWallboardEnded) socket.connect();
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
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    socket.on("connect_error", (error) => {
      const ended = endedWallboard(error);
      if (ended) return onWallboardEnded?.(ended);
      // A refused handshake is not retried by Socket.IO; one refused only because the server could not check it is.
      const code = (error as Error & { data?: ErrorBody }).data?.error.code;
      if (!socket.active && code === "unavailable") {
        setConnection("reconnecting");
        retryTimer = setTimeout(() => socket.connect(), RETRY_UNAVAILABLE_MS);
      }
    });
    if (onWallboardEnded) socket.on("wallboard:ended", onWallboardEnded);
    if (onWallboardChanged) socket.on("wallboard:changed", onWallboardChanged);
    const stopWatching = watchBrowserConnection(socket, setConnection, restart);
    // Lets tests and operators cut and restore the live connection from the browser console.
    (window as unknown as { __callboardSocket?: BoardSocket }).__callboardSocket = socket;
    return () => {
      clearTimeout(connectSoon);
      clearTimeout(retryTimer);
      stopWatching();
      socket.close();
    };
  }, [store, resync, onNewError, onCommands, onWallboardEnded, onWallboardChanged]);

  return { connection, lastEventAt };
}
