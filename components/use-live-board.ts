"use client";
// Keeps the board's calls current: the server-rendered snapshot, then Socket.IO updates, and a fresh
// snapshot after every reconnect or filter change so nothing missed while away stays missing.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import { CallStore } from "@/lib/calls/call-store";
import type { BoardSnapshot } from "@/lib/calls/call-view";
import type { NumberPattern } from "@/lib/calls/number-search";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/realtime/events";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

async function fetchSnapshot(query: string, signal?: AbortSignal): Promise<BoardSnapshot> {
  const response = await fetch(`/api/calls/board?q=${encodeURIComponent(query)}`, { signal, cache: "no-store" });
  if (!response.ok) throw new Error(`Loading the board failed with HTTP ${response.status}`);
  return (await response.json()) as BoardSnapshot;
}

export function useLiveBoard(initialSnapshot: BoardSnapshot, query: string, pattern: NumberPattern | null) {
  const [store] = useState(() => {
    const created = new CallStore();
    created.applySnapshot(initialSnapshot, pattern);
    return created;
  });
  const revision = useSyncExternalStore(store.subscribe, store.getRevision, store.getRevision);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);

  const latest = useRef({ query, pattern });
  useEffect(() => {
    latest.current = { query, pattern };
  }, [query, pattern]);

  const resync = useCallback(
    async (signal?: AbortSignal) => {
      const { query: currentQuery, pattern: currentPattern } = latest.current;
      try {
        const snapshot = await fetchSnapshot(currentQuery, signal);
        if (snapshot.query === latest.current.query) store.applySnapshot(snapshot, currentPattern);
      } catch (error) {
        if ((error as Error).name !== "AbortError") console.warn(error);
      }
    },
    [store],
  );

  useEffect(() => {
    const socket: BoardSocket = io({ path: SOCKET_PATH, transports: ["websocket", "polling"] });
    socket.on("connect", () => {
      setConnection("live");
      // Also on the first connect: changes between the server's snapshot and the (session-checked) handshake
      // reach no socket. Merging by version makes the extra snapshot harmless.
      void resync();
    });
    socket.on("disconnect", (reason) => {
      setConnection(reason === "io client disconnect" ? "offline" : "reconnecting");
    });
    socket.io.on("reconnect_failed", () => setConnection("offline"));
    socket.on("call:updated", (call) => {
      store.applyUpdate(call);
      setLastEventAt(Date.now());
    });
    const goOffline = () => setConnection("offline");
    const goOnline = () => {
      setConnection(socket.connected ? "live" : "reconnecting");
      if (!socket.connected) socket.connect();
    };
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    // Lets tests and operators cut and restore the live connection from the browser console.
    (window as unknown as { __callboardSocket?: BoardSocket }).__callboardSocket = socket;
    return () => {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      socket.close();
    };
  }, [store, resync]);

  // A changed filter loads its own history from the server; the live stream is filtered in place meanwhile.
  const isFirstQuery = useRef(true);
  useEffect(() => {
    if (isFirstQuery.current) {
      isFirstQuery.current = false;
      return;
    }
    const controller = new AbortController();
    void resync(controller.signal);
    return () => controller.abort();
  }, [query, resync]);

  const live = useMemo(() => store.selectLive(pattern), [store, pattern, revision]); // eslint-disable-line react-hooks/exhaustive-deps
  const errors = useMemo(() => store.selectErrors(pattern), [store, pattern, revision]); // eslint-disable-line react-hooks/exhaustive-deps

  return { live, errors, connection, lastEventAt };
}
