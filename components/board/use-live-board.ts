"use client";
// Keeps the board's calls current: the server-rendered snapshot, then Socket.IO updates (use-board-socket.ts), and a
// fresh snapshot after every reconnect or filter change so nothing missed while away stays missing.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import {
  callFilterKey,
  callFilterToSearchParams,
  matchesCallFilter,
  statusFilterIncludes,
  type CompiledCallFilter,
} from "@/lib/shared/calls/call-filter";
import { CallStore } from "@/lib/shared/calls/call-store";
import type { BoardSnapshot, CallView } from "@/lib/shared/calls/call-view";
import { useBoardSocket } from "./use-board-socket";
import type { CallCommandView } from "@/lib/shared/control/call-command";
import { useThrottledRevision } from "./use-throttled-revision";
import type { WallboardEnded } from "@/lib/shared/realtime/events";

async function fetchSnapshot(compiled: CompiledCallFilter, snapshotPath: string, signal?: AbortSignal): Promise<BoardSnapshot> {
  const params = callFilterToSearchParams(compiled.filter);
  const response = await fetch(`${snapshotPath}?${params.toString()}`, { signal, cache: "no-store" });
  if (!response.ok) throw new Error(`Loading the board failed with HTTP ${response.status}`);
  return (await response.json()) as BoardSnapshot;
}

function coveredBy(compiled: CompiledCallFilter): (call: CallView) => boolean {
  const now = Date.now();
  return (call) => matchesCallFilter(call, compiled, now);
}

type Options = {
  /** Called once for every call that newly ended with an error while the board is open. */
  onNewError?: (call: CallView) => void;
  /** Called with every command to a live call the stream announces (sent, then answered). Must be stable. */
  onCommands?: (commands: CallCommandView[]) => void;
  /** Where the lists are reloaded from: the board's API, or the wall's (/api/wall/board). */
  snapshotPath?: string;
  /** A wallboard link's screen: the link was revoked or expired. Must be stable. */
  onWallboardEnded?: (ended: WallboardEnded) => void;
  /** A wallboard link's screen: an admin changed the link. Must be stable. */
  onWallboardChanged?: () => void;
};

export function useLiveBoard(initialSnapshot: BoardSnapshot, compiled: CompiledCallFilter, options: Options = {}) {
  const [store] = useState(() => {
    const created = new CallStore();
    created.applySnapshot(initialSnapshot, coveredBy(compiled));
    return created;
  });
  const revision = useThrottledRevision(store);
  const latestFilter = useLatest(compiled);
  const announceIfNew = useNewErrorAnnouncer(initialSnapshot.asOfVersion, options.onNewError);
  const snapshotPath = options.snapshotPath ?? "/api/calls/board";
  const { resync, isLoading, lines, lastStoredAt } = useSnapshotResync(store, initialSnapshot, latestFilter, { announceIfNew, onCommands: options.onCommands, snapshotPath });
  const { connection, lastEventAt } = useBoardSocket(store, {
    resync,
    onNewError: announceIfNew,
    onCommands: options.onCommands,
    onWallboardEnded: options.onWallboardEnded,
    onWallboardChanged: options.onWallboardChanged,
  });
  useResyncOnFilterChange(callFilterKey(compiled.filter), resync);
  const { live, errors, ended } = useSelectedCalls(store, compiled, revision);

  // Before the stream brings an event: when the server last stored one, as of the latest snapshot.
  const lastKnownEventAt = lastEventAt ?? (lastStoredAt === null ? null : Date.parse(lastStoredAt));
  return { live, errors, ended, lines, connection, lastEventAt, lastKnownEventAt, isLoading, resync };
}

/** A ref that holds the latest value, for callbacks that must not change when it does. */
function useLatest<T>(value: T): RefObject<T> {
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  return latest;
}

/**
 * An error is new when it was committed after the page was rendered; it may arrive over the socket or, when a
 * resync's snapshot overtakes the socket message, in a snapshot. Each is announced once.
 */
function useNewErrorAnnouncer(renderedVersion: number, onNewError: Options["onNewError"]): (call: CallView) => void {
  const latestOnNewError = useLatest(onNewError);
  const announced = useRef(new Set<string>());
  return useCallback(
    (call: CallView) => {
      if (call.version <= renderedVersion || announced.current.has(call.id)) return;
      announced.current.add(call.id);
      latestOnNewError.current?.(call);
    },
    [renderedVersion, latestOnNewError],
  );
}

/** Reloads the board's lists for the latest filter, and what the snapshot says beside them. */
function useSnapshotResync(
  store: CallStore,
  initialSnapshot: BoardSnapshot,
  latestFilter: RefObject<CompiledCallFilter>,
  { announceIfNew, onCommands, snapshotPath }: { announceIfNew: (call: CallView) => void; onCommands?: (commands: CallCommandView[]) => void; snapshotPath: string },
) {
  const [lastStoredAt, setLastStoredAt] = useState(initialSnapshot.lastStoredAt);
  const [lines, setLines] = useState(initialSnapshot.lines);
  const [isLoading, setIsLoading] = useState(false);
  const resync = useCallback(
    async (signal?: AbortSignal) => {
      const requested = latestFilter.current;
      const requestedAt = store.mark();
      setIsLoading(true);
      try {
        const snapshot = await fetchSnapshot(requested, snapshotPath, signal);
        // A newer filter may have been chosen while this one loaded; its own resync will follow.
        if (snapshot.filterKey !== callFilterKey(latestFilter.current.filter)) return;
        const newErrors = store.applySnapshot(snapshot, coveredBy(latestFilter.current), requestedAt);
        for (const call of newErrors) announceIfNew(call);
        // Commands sent or answered while the board was away (their socket messages were missed with the calls').
        onCommands?.(snapshot.commands);
        setLines(snapshot.lines);
        setLastStoredAt(snapshot.lastStoredAt);
      } catch {
        // Aborted (a newer filter's load took over), or failed (network gone, server answering an error): the lists
        // stay as they are and the live stream goes on updating them; the next reconnect or filter change reloads
        // them. A console message would reach no operator; the network panel shows the request and its status.
      } finally {
        if (!signal?.aborted) setIsLoading(false);
      }
    },
    [store, latestFilter, announceIfNew, onCommands, snapshotPath],
  );
  return { resync, isLoading, lines, lastStoredAt };
}

/** A changed filter loads its own history from the server; the live stream is filtered in place meanwhile. */
function useResyncOnFilterChange(filterKey: string, resync: (signal?: AbortSignal) => Promise<void>): void {
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
}

const NONE: CallView[] = [];

/** The three lists the filter lets through, as of the store's revision. */
function useSelectedCalls(store: CallStore, compiled: CompiledCallFilter, revision: number) {
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
  return { live, errors, ended };
}

/** The previous array when the new one holds the same call states in the same order. */
function useStableList(next: CallView[]): CallView[] {
  const [kept, setKept] = useState(next);
  const isSame = kept === next || (kept.length === next.length && kept.every((call, index) => call === next[index]));
  if (!isSame) setKept(next);
  return isSame ? kept : next;
}
