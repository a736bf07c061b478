import { describe, expect, it } from "vitest";
import { CallStore } from "./call-store";
import type { BoardSnapshot, CallView } from "./call-view";

function call(id: string, overrides: Partial<CallView> = {}): CallView {
  return {
    id, status: "in-progress", callType: "inbound", lineNumber: "+31201234567", lineName: "Support",
    customerNumber: "+31612345678", startedAt: "2026-11-27T11:30:00.000Z", endedAt: null,
    firstEventAt: "2026-11-27T11:30:00.000Z", lastEventAt: "2026-11-27T11:30:00.000Z", error: null, endReason: null,
    durationSeconds: null, summary: null, unresolvedAt: null, unresolvedReason: null, version: 1, ...overrides,
  };
}

function snapshot(parts: Partial<BoardSnapshot>): BoardSnapshot {
  return { filterKey: "", live: [], errors: [], ended: [], lines: [], asOfVersion: 0, lastStoredAt: null, commands: [], ...parts };
}

const all = () => true;

describe("CallStore", () => {
  it("never lets an older update bring an ended call back to live", () => {
    const store = new CallStore();
    store.applyUpdates([call("a", { status: "ended", endedAt: "2026-11-27T11:35:00.000Z", version: 5 })]);
    expect(store.applyUpdates([call("a", { version: 3 })])).toEqual([]);
    expect(store.selectLive(all)).toEqual([]);
    expect(store.selectEnded(all).map((c) => c.id)).toEqual(["a"]);
  });

  it("drops a live call that a newer snapshot no longer lists, but keeps one newer than the snapshot", () => {
    const store = new CallStore();
    store.applyUpdates([call("gone", { version: 2 })]);
    store.applyUpdates([call("fresh", { version: 9 })]);
    store.applySnapshot(snapshot({ asOfVersion: 8 }), all);
    expect(store.selectLive(all).map((c) => c.id)).toEqual(["fresh"]);
  });

  it("reports the state an update replaced, so a new error can be told from a repeated one", () => {
    const store = new CallStore();
    expect(store.applyUpdates([call("e", { version: 1 })])).toEqual([{ call: expect.objectContaining({ id: "e" }), previous: undefined }]);
    const [turned] = store.applyUpdates([call("e", { status: "ended-with-error", version: 2 })]);
    expect(turned?.previous?.status).toBe("in-progress");
    expect(store.applyUpdates([call("e", { status: "ended-with-error", version: 2 })])).toEqual([]);
  });

  it("merges a batch of updates, the newest state of each call winning, and notifies once", () => {
    const store = new CallStore();
    let notified = 0;
    store.subscribe(() => (notified += 1));
    const applied = store.applyUpdates([
      call("x", { version: 4 }),
      call("y", { version: 5 }),
      call("x", { status: "ended", endedAt: "2026-11-27T11:40:00.000Z", version: 6 }),
      call("x", { version: 3 }),
    ]);
    expect(applied.map(({ call }) => `${call.id}@${call.version}`)).toEqual(["x@4", "y@5", "x@6"]);
    expect(notified).toBe(1);
    expect(store.selectLive(all).map((c) => c.id)).toEqual(["y"]);
  });

  it("keeps a call that arrived live while a snapshot was loading, even when the snapshot's version covers it", () => {
    // Its version was drawn before the snapshot read the counter, but it was committed after the lists were read.
    const store = new CallStore();
    const requestedAt = store.mark();
    store.applyUpdates([call("late-commit", { version: 5 })]);
    store.applyUpdates([call("ended-meanwhile", { version: 3 })]);
    const settled = store.mark();
    store.applySnapshot(snapshot({ asOfVersion: 6 }), all, requestedAt);
    expect(store.selectLive(all).map((c) => c.id).sort()).toEqual(["ended-meanwhile", "late-commit"]);
    // Asked again later, the snapshot is the newer word for calls not updated since.
    store.applySnapshot(snapshot({ asOfVersion: 6 }), all, settled);
    expect(store.selectLive(all)).toEqual([]);
  });

  it("tells which calls a snapshot shows newly ended with an error", () => {
    const store = new CallStore();
    store.applyUpdates([call("known", { status: "ended-with-error", version: 3 })]);
    store.applyUpdates([call("turned", { version: 4 })]);
    const newErrors = store.applySnapshot(
      snapshot({
        errors: [
          call("known", { status: "ended-with-error", version: 3 }),
          call("turned", { status: "ended-with-error", version: 6 }),
          call("unseen", { status: "ended-with-error", version: 7 }),
        ],
        asOfVersion: 7,
      }),
      all,
    );
    expect(newErrors.map((c) => c.id).sort()).toEqual(["turned", "unseen"]);
  });

  it("sorts live calls newest first", () => {
    const store = new CallStore();
    store.applyUpdates([call("old", { startedAt: "2026-11-27T11:00:00.000Z" })]);
    store.applyUpdates([call("new", { startedAt: "2026-11-27T11:59:00.000Z" })]);
    expect(store.selectLive(all).map((c) => c.id)).toEqual(["new", "old"]);
  });
});
