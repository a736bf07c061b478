"use client";
// Keeps the board's calls current: the server-rendered snapshot, then Socket.IO updates, and a fresh
// snapshot after every reconnect or filter change so nothing missed while away stays missing.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import {
  callFilterKey,
  callFilterToSearchParams,
  matchesCallFilter,
  statusFilterIncludes,
  type CompiledCallFilter,
} from "@/lib/shared/calls/call-filter";
import { CallStore } from "@/lib/shared/calls/call-store";
import type { BoardSnapshot, CallView } from "@/lib/shared/calls/call-view";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/shared/realtime/events";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

async function fetchSnapshot(compiled: CompiledCallFilter, signal?: AbortSignal): Promise<BoardSnapshot> {
  const params = callFilterToSearchParams(compiled.filter);
  const response = await fetch(`/api/calls/board?${params.toString()}`, { signal, cache: "no-store" });
  if (!response.ok) throw new Error(`Loading the board failed with HTTP ${response.status}`);
  return (await response.json()) as BoardSnapshot;
}

function coveredBy(compiled: CompiledCallFilter): (call: CallView) => boolean {
  const now = Date.now();
  return (call) => matchesCallFilter(call, compiled, now);
}

/** The shortest time between two renders while updates stream in. */
const MIN_RENDER_GAP_MS = 100;

type Options = {
  /** Called once for every call that newly ended with an error while the board is open. */
  onNewError?: (call: CallView) => void;
};

export function useLiveBoard(initialSnapshot: BoardSnapshot, compiled: CompiledCallFilter, options: Options = {}) {
  const [store] = useState(() => {
    const created = new CallStore();
    created.applySnapshot(initialSnapshot, coveredBy(compiled));
    return created;
  });
  // An update after a quiet spell shows on the next frame; a stream of them re-renders the board at most every
  // MIN_RENDER_GAP_MS, each render taking all that came meanwhile: more renders show nothing an operator can read,
  // and cost the tab CPU (npm run bench:board: 60% → 54% of a core busy at 200 updates/s).
  const subscribe = useCallback(
    (listener: () => void) => {
      let frame = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let renderedAt = Number.NEGATIVE_INFINITY;
      const render = () => {
        frame = 0;
        renderedAt = performance.now();
        listener();
      };
      const unsubscribe = store.subscribe(() => {
        if (frame !== 0 || timer !== undefined) return;
        const wait = renderedAt + MIN_RENDER_GAP_MS - performance.now();
        if (wait <= 0) {
          frame = requestAnimationFrame(render);
          return;
        }
        timer = setTimeout(() => {
          timer = undefined;
          frame = requestAnimationFrame(render);
        }, wait);
      });
      return () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        unsubscribe();
      };
    },
    [store],
  );
  const revision = useSyncExternalStore(subscribe, store.getRevision, store.getRevision);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);
  // Before the stream brings an event: when the server last stored one, as of the latest snapshot.
  const [lastStoredAt, setLastStoredAt] = useState(initialSnapshot.lastStoredAt);
  const [lines, setLines] = useState(initialSnapshot.lines);
  const [isLoading, setIsLoading] = useState(false);

  const latest = useRef({ compiled, onNewError: options.onNewError });
  // An error is new when it was committed after the page was rendered; it may arrive over the socket or,
  // when a resync's snapshot overtakes the socket message, in a snapshot. Each is announced once.
  const announced = useRef(new Set<string>());
  const announceIfNew = useCallback(
    (call: CallView) => {
      if (call.version <= initialSnapshot.asOfVersion || announced.current.has(call.id)) return;
      announced.current.add(call.id);
      latest.current.onNewError?.(call);
    },
    [initialSnapshot.asOfVersion],
  );
  useEffect(() => {
    latest.current = { compiled, onNewError: options.onNewError };
  }, [compiled, options.onNewError]);

  const resync = useCallback(
    async (signal?: AbortSignal) => {
      const requested = latest.current.compiled;
      const requestedAt = store.mark();
      setIsLoading(true);
      try {
        const snapshot = await fetchSnapshot(requested, signal);
        // A newer filter may have been chosen while this one loaded; its own resync will follow.
        if (snapshot.filterKey !== callFilterKey(latest.current.compiled.filter)) return;
        const newErrors = store.applySnapshot(snapshot, coveredBy(latest.current.compiled), requestedAt);
        for (const call of newErrors) announceIfNew(call);
        setLines(snapshot.lines);
        setLastStoredAt(snapshot.lastStoredAt);
      } catch (error) {
        if ((error as Error).name !== "AbortError") console.warn(error);
      } finally {
        if (!signal?.aborted) setIsLoading(false);
      }
    },
    [store, announceIfNew],
  );

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
        if (call.status === "ended-with-error" && previous?.status !== "ended-with-error") announceIfNew(call);
      }
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
      clearTimeout(connectSoon);
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      socket.close();
    };
  }, [store, resync, announceIfNew]);

  // A changed filter loads its own history from the server; the live stream is filtered in place meanwhile.
  const filterKey = callFilterKey(compiled.filter);
  const isFirstFilter = useRef(true);
  useEffect(() => {
    if (isFirstFilter.current) {
      isFirstFilter.current = false;
      return;
    }
    const controller = new AbortController();
    void resync(controller.signal);
    return () => controller.abort();
  }, [filterKey, resync]);

  const status = compiled.filter.status;
  const selected = useMemo(() => {
    const matches = coveredBy(compiled);
    return {
      live: statusFilterIncludes(status, "live") ? store.selectLive(matches) : NONE,
      errors: statusFilterIncludes(status, "error") ? store.selectErrors(matches) : NONE,
      ended: statusFilterIncludes(status, "ended") ? store.selectEnded(matches) : NONE,
    };
  }, [store, compiled, status, revision]); // eslint-disable-line react-hooks/exhaustive-deps

  // Most updates touch live calls only: hand the other lists back unchanged, so their memoized panels skip
  // re-rendering 100 rows each frame.
  const live = useStableList(selected.live);
  const errors = useStableList(selected.errors);
  const ended = useStableList(selected.ended);

  const lastKnownEventAt = lastEventAt ?? (lastStoredAt === null ? null : Date.parse(lastStoredAt));
  return { live, errors, ended, lines, connection, lastEventAt, lastKnownEventAt, isLoading };
}

const NONE: CallView[] = [];

/** The previous array when the new one holds the same call states in the same order. */
function useStableList(next: CallView[]): CallView[] {
  const [kept, setKept] = useState(next);
  const isSame = kept === next || (kept.length === next.length && kept.every((call, index) => call === next[index]));
  if (!isSame) setKept(next);
  return isSame ? kept : next;
}
