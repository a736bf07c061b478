// The board's in-browser copy of the calls: snapshots and live updates merge by version, so an update that
// arrives late or twice never moves a call backwards. Safe to import from client components.
import { isLive, callStartedAt, type BoardSnapshot, type CallView } from "./call-view";

const MAX_ENDED_KEPT = 2_000;
/** How many ended calls, and how many errors, the board lists: the most recent ones. */
export const ENDED_SHOWN = 100;

export type CallPredicate = (call: CallView) => boolean;

/** Newest first by an ISO timestamp; plain comparison, because localeCompare is slow on 5,000 rows. */
function byNewest(time: (call: CallView) => string) {
  return (a: CallView, b: CallView): number => {
    const ta = time(a);
    const tb = time(b);
    if (ta !== tb) return ta < tb ? 1 : -1;
    return b.version - a.version;
  };
}

const endTime = (call: CallView) => call.endedAt ?? call.lastEventAt;

export class CallStore {
  private readonly calls = new Map<string, CallView>();
  private readonly listeners = new Set<() => void>();
  private revision = 0;
  /** When each call last changed through a live update, on a local counter (see mark()). */
  private readonly touchedAt = new Map<string, number>();
  private touches = 0;

  /** Keeps the newer of the stored and the incoming state; returns whether anything changed. */
  private merge(call: CallView): boolean {
    const existing = this.calls.get(call.id);
    if (existing && existing.version >= call.version) return false;
    this.calls.set(call.id, call);
    return true;
  }

  /**
   * Merges live updates and notifies once. Returns, for each update that changed something, the state it replaced
   * (undefined for a call not seen before); stale updates are left out.
   */
  applyUpdates(calls: readonly CallView[]): { call: CallView; previous: CallView | undefined }[] {
    const applied: { call: CallView; previous: CallView | undefined }[] = [];
    for (const call of calls) {
      const previous = this.calls.get(call.id);
      if (!this.merge(call)) continue;
      this.touchedAt.set(call.id, ++this.touches);
      applied.push({ call, previous });
    }
    if (applied.length > 0) this.changed();
    return applied;
  }

  /**
   * Merges a snapshot. A call shown live here that the filter covers but that is missing from the snapshot's
   * live list, although the snapshot covers its version, has ended meanwhile (e.g. while the socket was down)
   * and is dropped. Returns the calls it learned had ended with an error.
   */
  /** A point in the stream of live updates; pass it to applySnapshot for a snapshot requested after it. */
  mark(): number {
    return this.touches;
  }

  applySnapshot(snapshot: BoardSnapshot, isCovered: CallPredicate, requestedAt = this.touches): CallView[] {
    const newErrors: CallView[] = [];
    for (const call of [...snapshot.live, ...snapshot.errors, ...snapshot.ended]) {
      const previous = this.calls.get(call.id);
      if (this.merge(call) && call.status === "ended-with-error" && previous?.status !== "ended-with-error") {
        newErrors.push(call);
      }
    }
    const liveIds = new Set(snapshot.live.map((call) => call.id));
    for (const call of this.calls.values()) {
      // A call updated live while the snapshot was loading may have been committed after the snapshot's lists
      // were read, though its version was drawn before asOfVersion was: the live update is the newer word.
      const isTouchedSince = (this.touchedAt.get(call.id) ?? 0) > requestedAt;
      if (isLive(call) && isCovered(call) && !liveIds.has(call.id) && call.version <= snapshot.asOfVersion && !isTouchedSince) {
        this.calls.delete(call.id);
      }
    }
    this.prune();
    this.changed();
    return newErrors;
  }

  /** Ended calls are kept a while (so a stale update cannot revive them), then forgotten oldest first. */
  private prune(): void {
    const ended = [...this.calls.values()].filter((call) => !isLive(call));
    if (ended.length <= MAX_ENDED_KEPT) return;
    ended.sort((a, b) => a.version - b.version);
    for (const call of ended.slice(0, ended.length - MAX_ENDED_KEPT)) this.calls.delete(call.id);
  }

  private changed(): void {
    this.revision += 1;
    if (this.calls.size > MAX_ENDED_KEPT * 4) this.prune();
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getRevision = (): number => this.revision;

  get(id: string): CallView | undefined {
    return this.calls.get(id);
  }

  private select(keep: (call: CallView) => boolean): CallView[] {
    const selected: CallView[] = [];
    for (const call of this.calls.values()) if (keep(call)) selected.push(call);
    return selected;
  }

  /** Calls in progress, newest first. */
  selectLive(matches: CallPredicate): CallView[] {
    return this.select((call) => isLive(call) && matches(call)).sort(byNewest(callStartedAt));
  }

  /** Calls that ended with an error, most recent first. */
  selectErrors(matches: CallPredicate): CallView[] {
    return this.select((call) => call.status === "ended-with-error" && matches(call))
      .sort(byNewest(endTime))
      .slice(0, ENDED_SHOWN);
  }

  /** Calls that ended without an error, most recent first. */
  selectEnded(matches: CallPredicate): CallView[] {
    return this.select((call) => call.status === "ended" && matches(call))
      .sort(byNewest(endTime))
      .slice(0, ENDED_SHOWN);
  }
}
