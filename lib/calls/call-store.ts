// The board's in-browser copy of the calls: snapshots and live updates merge by version, so an update that
// arrives late or twice never moves a call backwards. Safe to import from client components.
import { isLive, callStartedAt, type BoardSnapshot, type CallView } from "./call-view";
import { matchesNumberSearch, type NumberPattern } from "./number-search";

const MAX_ENDED_KEPT = 2_000;
const ERRORS_SHOWN = 100;

export class CallStore {
  private readonly calls = new Map<string, CallView>();
  private readonly listeners = new Set<() => void>();
  private revision = 0;

  /** Keeps the newer of the stored and the incoming state; returns whether anything changed. */
  private merge(call: CallView): boolean {
    const existing = this.calls.get(call.id);
    if (existing && existing.version >= call.version) return false;
    this.calls.set(call.id, call);
    return true;
  }

  applyUpdate(call: CallView): void {
    if (this.merge(call)) this.changed();
  }

  /**
   * Merges a snapshot. A call shown live here but missing from the snapshot's live list, although the
   * snapshot covers its version, has ended meanwhile (e.g. while the socket was down) and is dropped.
   */
  applySnapshot(snapshot: BoardSnapshot, pattern: NumberPattern | null): void {
    for (const call of snapshot.live) this.merge(call);
    for (const call of snapshot.errors) this.merge(call);
    const liveIds = new Set(snapshot.live.map((call) => call.id));
    for (const call of this.calls.values()) {
      if (isLive(call) && matchesNumberSearch(call, pattern) && !liveIds.has(call.id) && call.version <= snapshot.asOfVersion) {
        this.calls.delete(call.id);
      }
    }
    this.prune();
    this.changed();
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

  /** Calls in progress, newest first. */
  selectLive(pattern: NumberPattern | null): CallView[] {
    return [...this.calls.values()]
      .filter((call) => isLive(call) && matchesNumberSearch(call, pattern))
      .sort((a, b) => callStartedAt(b).localeCompare(callStartedAt(a)) || b.version - a.version);
  }

  /** Calls that ended with an error, most recent first. */
  selectErrors(pattern: NumberPattern | null): CallView[] {
    return [...this.calls.values()]
      .filter((call) => call.status === "ended-with-error" && matchesNumberSearch(call, pattern))
      .sort((a, b) => (b.endedAt ?? b.lastEventAt).localeCompare(a.endedAt ?? a.lastEventAt))
      .slice(0, ERRORS_SHOWN);
  }
}
