// Flireo's REST statuses on the board, and Flireo's text made storable.
import { describe, expect, it } from "vitest";
import { mapFlireoStatus, storable, toCallEvent } from "./map-flireo-call";

const call = (status: string, extra: Record<string, unknown> = {}) => ({ id: "c-1", status, error: null, end_reason: null, ended_at: null, ...extra });

describe("Flireo's call statuses", () => {
  it("maps every documented and SDK status", () => {
    expect(["connecting", "ringing", "in-progress"].map((status) => mapFlireoStatus(call(status))?.status)).toEqual(["in-progress", "in-progress", "in-progress"]);
    expect(mapFlireoStatus(call("ended"))).toEqual({ status: "ended", error: null, endReason: null });
    expect(mapFlireoStatus(call("transferred"))).toEqual({ status: "ended", error: null, endReason: "transferred" });
    expect(mapFlireoStatus(call("failed", { error: "SIP 486 busy" }))).toEqual({ status: "ended-with-error", error: "SIP 486 busy", endReason: "failed" });
    expect(mapFlireoStatus(call("rejected"))?.error).toBe("Flireo rejected the call.");
    expect(mapFlireoStatus(call("insufficient-credits"))?.status).toBe("ended-with-error");
    expect(mapFlireoStatus(call("ended-with-error"))?.status).toBe("ended-with-error");
  });

  it("keeps an unknown status as text, and leaves a call without an end time alone", () => {
    expect(mapFlireoStatus(call("voicemail", { ended_at: "2026-12-07T10:00:00Z" }))).toEqual({ status: "ended", error: null, endReason: "voicemail" });
    expect(mapFlireoStatus(call("on-hold"))).toBeNull();
  });

  it("drops NUL characters Postgres would refuse, and keeps the event's times as dates", () => {
    const safe = storable({ id: "c-1", status: "ended", summary: "a\u0000b", ended_at: "2026-12-07T10:00:00Z" });
    expect(safe.summary).toBe("ab");
    const event = toCallEvent({ ...safe, started_at: "2026-12-07T09:59:00Z" }, { status: "ended", error: null, endReason: null }, "here-1", { now: new Date() });
    expect(event).toMatchObject({ callId: "here-1", source: "flireo-api", type: "end-of-call-report", status: "ended", occurredAt: new Date("2026-12-07T10:00:00Z") });
    expect(event.report?.startedAt).toEqual(new Date("2026-12-07T09:59:00Z"));
  });
});
