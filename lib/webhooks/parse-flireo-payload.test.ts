import { describe, expect, it } from "vitest";
import { parseFlireoPayload } from "./parse-flireo-payload";

const CALL_ID = "11111111-2222-3333-4444-555555555555";

function expectEvent(result: ReturnType<typeof parseFlireoPayload>) {
  if (result.kind !== "event") throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
}

describe("parseFlireoPayload", () => {
  it("reads the camelCase status-update (variant A)", () => {
    const event = expectEvent(
      parseFlireoPayload({
        message: {
          type: "status-update",
          timestamp: "2026-01-05T09:00:00.000Z",
          call: { id: CALL_ID, type: "inboundPhoneCall", status: "in-progress" },
          phoneNumber: { number: "+31000000001", name: "Main line" },
          customer: { number: "+31600000002" },
        },
      }),
    );
    expect(event).toMatchObject({
      type: "status-update",
      callId: CALL_ID,
      status: "in-progress",
      callType: "inbound",
      lineNumber: "+31000000001",
      lineName: "Main line",
      customerNumber: "+31600000002",
      error: null,
      report: null,
    });
    expect(event.occurredAt.toISOString()).toBe("2026-01-05T09:00:00.000Z");
  });

  it("reads the snake_case ended-with-error with end_reason and assistant metadata (variants B–D)", () => {
    const event = expectEvent(
      parseFlireoPayload({
        message: {
          type: "status-update",
          timestamp: "2026-01-05T09:04:10.000Z",
          call: { id: CALL_ID, type: "outbound_phone_call", status: "ended-with-error" },
          phone_number: { number: "+31000000001", name: "Sales", id: "pn_1" },
          customer: { number: "+31600000002" },
          error: "STT connection failed",
          end_reason: "pipeline_error",
          assistant: { name: "Receptionist", metadata: { crm: "hubspot" } },
          somethingNew: { a: 1 },
        },
      }),
    );
    expect(event).toMatchObject({
      status: "ended-with-error",
      callType: "outbound",
      lineName: "Sales",
      error: "STT connection failed",
      endReason: "pipeline_error",
      metadata: { crm: "hubspot" },
    });
  });

  it("accepts web calls with null numbers", () => {
    const event = expectEvent(
      parseFlireoPayload({
        message: {
          type: "status-update",
          timestamp: "2026-01-05T09:00:00.000Z",
          call: { id: CALL_ID, type: "web_call", status: "in-progress" },
          phone_number: { number: null, name: null, id: null },
          customer: { number: null },
        },
      }),
    );
    expect(event).toMatchObject({ callType: "web", lineNumber: null, customerNumber: null });
  });

  it("reads an end-of-call report with its duration, summary, analysis, transcript and recording", () => {
    const event = expectEvent(
      parseFlireoPayload({
        message: {
          type: "end-of-call-report",
          timestamp: "2026-01-05T09:05:00.000Z",
          call: { id: CALL_ID, type: "inbound_phone_call", status: "ended" },
          phone_number: { number: "+31000000001", name: "Main line" },
          customer: { number: "+31600000002" },
          duration_seconds: 132,
          summary: "Customer asked about opening hours.",
          analysis: { resolved: true },
          messages: [{ role: "assistant", content: "Hello!" }],
          recording_url: "https://example.test/rec.mp3",
          end_reason: "user_hangup",
        },
      }),
    );
    expect(event.status).toBe("ended");
    expect(event.report).toMatchObject({
      durationSeconds: 132,
      summary: "Customer asked about opening hours.",
      analysis: { resolved: true },
      transcript: [{ role: "assistant", content: "Hello!" }],
      recordingUrl: "https://example.test/rec.mp3",
    });
    expect(event.endReason).toBe("user_hangup");
  });

  it("reads the legacy flat status-update with ended-with-debugging (variant E)", () => {
    const event = expectEvent(
      parseFlireoPayload({
        eventTimestamp: 1767603600000,
        eventType: "status-update",
        callSession: CALL_ID,
        fromCaller: "+31600000002",
        toAssistant: "+31000000001",
        status: "ended-with-debugging",
        "debugging-artifact": "assistant-request returned no assistant",
      }),
    );
    expect(event).toMatchObject({
      callId: CALL_ID,
      status: "ended-with-error",
      error: "assistant-request returned no assistant",
      customerNumber: "+31600000002",
      lineNumber: "+31000000001",
    });
    expect(event.occurredAt.toISOString()).toBe("2026-01-05T09:00:00.000Z");
  });

  it("reads the legacy flat end-of-call report keyed by callId", () => {
    const event = expectEvent(
      parseFlireoPayload({
        eventTimestamp: 1767603900000,
        eventType: "end-of-call-report",
        callId: CALL_ID,
        fromCaller: "+31600000002",
        toAssistant: "+31000000001",
        transcriptText: "AI: Hallo\nGebruiker: Hoi",
        summaryText: "Korte vraag.",
        recordings: { linkStereo: "https://example.test/stereo.wav" },
        callLengthSeconds: 132.5,
      }),
    );
    expect(event.report).toMatchObject({
      durationSeconds: 132.5,
      summary: "Korte vraag.",
      transcript: "AI: Hallo\nGebruiker: Hoi",
      recordingUrl: "https://example.test/stereo.wav",
    });
  });

  it("ignores event types Callboard does not use", () => {
    expect(
      parseFlireoPayload({ message: { type: "tool-calls", call: { id: CALL_ID }, toolCallList: [] } }),
    ).toEqual({ kind: "ignored", eventType: "tool-calls", callId: CALL_ID });
    expect(parseFlireoPayload({ eventType: "assistant-request", fromCaller: "+3160" })).toMatchObject({
      kind: "ignored",
      eventType: "assistant-request",
    });
  });

  it("takes the event type from X-Webhook-Event when the body lacks it", () => {
    const result = parseFlireoPayload(
      { message: { timestamp: "2026-01-05T09:00:00.000Z", call: { id: CALL_ID, status: "ended" } } },
      "status-update",
    );
    expect(expectEvent(result).status).toBe("ended");
  });

  it("never lets X-Webhook-Event overrule a body that says anything about its type", () => {
    const base = { timestamp: "2026-01-05T09:00:00.000Z", call: { id: CALL_ID, status: "ended" } };
    expect(parseFlireoPayload({ message: { ...base, type: "tool-calls" } }, "status-update")).toEqual({ kind: "ignored", eventType: "tool-calls", callId: CALL_ID });
    expect(expectEvent(parseFlireoPayload({ message: { ...base, type: "status-update" } }, "end-of-call-report")).type).toBe("status-update");
    for (const type of [null, 5, "", { name: "status-update" }]) {
      expect(parseFlireoPayload({ message: { ...base, type } }, "status-update").kind, JSON.stringify(type)).not.toBe("event");
    }
    // The legacy shape carries its own type too.
    expect(parseFlireoPayload({ eventType: "assistant-request", fromCaller: "+3160" }, "status-update")).toMatchObject({ kind: "ignored", eventType: "assistant-request" });
  });

  it("names the fields that are wrong", () => {
    const result = parseFlireoPayload({
      message: { type: "status-update", timestamp: "yesterday", call: { id: "", status: "ringing" } },
    });
    expect(result.kind).toBe("invalid");
    const paths = result.kind === "invalid" ? result.issues.map((issue) => issue.path) : [];
    expect(paths).toEqual(expect.arrayContaining(["message.timestamp", "message.call.id"]));
  });

  it("rejects an unknown status and a body that is not an object", () => {
    const ringing = parseFlireoPayload({
      message: { type: "status-update", timestamp: "2026-01-05T09:00:00.000Z", call: { id: CALL_ID, status: "ringing" } },
    });
    expect(ringing).toMatchObject({ kind: "invalid", issues: [{ path: "message.call.status" }] });
    expect(parseFlireoPayload([1, 2])).toMatchObject({ kind: "invalid" });
    expect(parseFlireoPayload({ hello: "world" })).toMatchObject({ kind: "invalid", issues: [{ path: "message" }] });
  });
});
