import { describe, expect, it } from "vitest";
import { parseTranscript, transcriptToText } from "./transcript";

describe("parseTranscript", () => {
  it("reads Flireo's messages into turns, agent and caller told apart, in order", () => {
    const parsed = parseTranscript([
      { role: "system", content: "You are the front desk of Bakkerij Jansen." },
      { role: "assistant", content: "Goedemorgen, waarmee kan ik helpen?" },
      { role: "user", content: "  I want a refund.  " },
      { role: "assistant", content: "" },
      { role: "tool", content: "lookup_order: 42" },
    ]);
    expect(parsed).toEqual({
      kind: "turns",
      turns: [
        { speaker: "system", label: "System prompt", text: "You are the front desk of Bakkerij Jansen." },
        { speaker: "agent", label: "Agent", text: "Goedemorgen, waarmee kan ik helpen?" },
        { speaker: "caller", label: "Caller", text: "I want a refund." },
        { speaker: "other", label: "tool", text: "lookup_order: 42" },
      ],
    });
  });

  it("skips messages that are not { role, content } and answers null when nothing is left", () => {
    expect(parseTranscript([null, 3, "text", { role: "user" }, { role: "user", content: 5 }])).toBeNull();
    expect(parseTranscript([])).toBeNull();
  });

  it("splits the legacy transcriptText on its AI: and Gebruiker: lines, continuation lines kept with their turn", () => {
    const parsed = parseTranscript("AI: Goedemiddag!\nGebruiker: Ik wil mijn bestelling\nterugsturen.\r\nai:Prima.\n\nGEBRUIKER : Dank u");
    expect(parsed).toEqual({
      kind: "turns",
      turns: [
        { speaker: "agent", label: "Agent", text: "Goedemiddag!" },
        { speaker: "caller", label: "Caller", text: "Ik wil mijn bestelling\nterugsturen." },
        { speaker: "agent", label: "Agent", text: "Prima." },
        { speaker: "caller", label: "Caller", text: "Dank u" },
      ],
    });
  });

  it("reads English prefixes too (Agent:, Caller:, User:)", () => {
    const parsed = parseTranscript("Agent: Hello\nCaller: Hi\nUser: Bye");
    expect(parsed?.kind === "turns" && parsed.turns.map((turn) => turn.speaker)).toEqual(["agent", "caller", "caller"]);
  });

  it("keeps text before the first speaker as a turn of its own", () => {
    const parsed = parseTranscript("Call recorded 12:00\nAI: Hallo");
    expect(parsed).toEqual({
      kind: "turns",
      turns: [
        { speaker: "other", label: "", text: "Call recorded 12:00" },
        { speaker: "agent", label: "Agent", text: "Hallo" },
      ],
    });
  });

  it("shows text that cannot be split as it came", () => {
    expect(parseTranscript("  The caller asked: where is my parcel?\nNo answer.  ")).toEqual({
      kind: "text",
      text: "The caller asked: where is my parcel?\nNo answer.",
    });
    // A colon mid-line is no speaker.
    expect(parseTranscript("Time: 12:00")?.kind).toBe("text");
  });

  it("answers null for nothing to show", () => {
    for (const value of [null, undefined, "", "   \n ", 42, { role: "user", content: "x" }]) expect(parseTranscript(value)).toBeNull();
  });

  it("keeps markup as text: nothing is interpreted", () => {
    const parsed = parseTranscript("Gebruiker: <img src=x onerror=alert(1)>");
    expect(parsed).toEqual({ kind: "turns", turns: [{ speaker: "caller", label: "Caller", text: "<img src=x onerror=alert(1)>" }] });
  });
});

describe("transcriptToText", () => {
  it("gives one labelled paragraph per turn, without the system prompt", () => {
    const parsed = parseTranscript([
      { role: "system", content: "Secret instructions" },
      { role: "assistant", content: "Hello" },
      { role: "user", content: "Hi" },
    ]);
    expect(parsed && transcriptToText(parsed)).toBe("Agent: Hello\n\nCaller: Hi");
  });

  it("gives unsplit text as it came", () => {
    expect(transcriptToText({ kind: "text", text: "as it came" })).toBe("as it came");
  });
});
