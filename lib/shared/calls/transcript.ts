// A call's transcript as a conversation: Flireo's `messages[]` ({ role, content }) or the legacy `transcriptText`
// ("AI: …\nGebruiker: …" lines) read into the same turns. Safe to import from client components.
//
// The legacy text is split by hand: it is a handful of known speaker prefixes at the start of a line, and text
// that does not fit them is kept whole rather than guessed at.

export type Speaker = "agent" | "caller" | "system" | "other";

export type TranscriptTurn = { speaker: Speaker; label: string; text: string };

/** Turns when the transcript could be read as a conversation; else the text as it came. */
export type Transcript = { kind: "turns"; turns: TranscriptTurn[] } | { kind: "text"; text: string };

const LABELS: Record<Exclude<Speaker, "other">, string> = { agent: "Agent", caller: "Caller", system: "System prompt" };

// messages[] roles (Flireo's are system, user and assistant; the others are what similar platforms send).
const ROLE_SPEAKER: Record<string, Speaker> = {
  assistant: "agent",
  agent: "agent",
  bot: "agent",
  ai: "agent",
  user: "caller",
  customer: "caller",
  caller: "caller",
  human: "caller",
  system: "system",
};

// Line prefixes of the legacy text, English and Dutch, matched without regard to case.
const PREFIX_SPEAKER: Record<string, Speaker> = {
  ai: "agent",
  agent: "agent",
  assistant: "agent",
  assistent: "agent",
  bot: "agent",
  gebruiker: "caller",
  user: "caller",
  caller: "caller",
  customer: "caller",
  klant: "caller",
  beller: "caller",
};

const PREFIX = new RegExp(`^\\s*(${Object.keys(PREFIX_SPEAKER).join("|")})\\s*:\\s?(.*)$`, "i");

function speakerLabel(speaker: Speaker, raw: string): string {
  return speaker === "other" ? raw : LABELS[speaker];
}

function fromMessages(messages: unknown[]): Transcript | null {
  const turns: TranscriptTurn[] = [];
  for (const message of messages) {
    if (typeof message !== "object" || message === null) continue;
    const { role, content } = message as { role?: unknown; content?: unknown };
    const text = typeof content === "string" ? content.trim() : "";
    if (!text) continue;
    const rawRole = typeof role === "string" ? role.trim() : "";
    const speaker = ROLE_SPEAKER[rawRole.toLowerCase()] ?? "other";
    turns.push({ speaker, label: speakerLabel(speaker, rawRole || "Unknown"), text });
  }
  return turns.length > 0 ? { kind: "turns", turns } : null;
}

/** Lines with a known prefix start a turn; the lines after it, up to the next prefix, belong to it. */
function fromText(text: string): Transcript | null {
  if (!text.trim()) return null;
  const turns: TranscriptTurn[] = [];
  let current: TranscriptTurn | null = null;
  const leading: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const match = PREFIX.exec(line);
    if (match) {
      const speaker = PREFIX_SPEAKER[(match[1] ?? "").toLowerCase()] ?? "other";
      current = { speaker, label: speakerLabel(speaker, match[1] ?? ""), text: match[2] ?? "" };
      turns.push(current);
    } else if (current) {
      current.text += `\n${line}`;
    } else {
      leading.push(line);
    }
  }
  if (turns.length === 0) return { kind: "text", text: text.trim() };
  const preamble = leading.join("\n").trim();
  const cleaned = turns.map((turn) => ({ ...turn, text: turn.text.trim() })).filter((turn) => turn.text !== "");
  return { kind: "turns", turns: preamble ? [{ speaker: "other", label: "", text: preamble }, ...cleaned] : cleaned };
}

/** The stored transcript (jsonb: messages or text), or null when there is nothing to show. */
export function parseTranscript(value: unknown): Transcript | null {
  if (Array.isArray(value)) return fromMessages(value);
  if (typeof value === "string") return fromText(value);
  return null;
}

/** Plain text for the clipboard: one "Speaker: text" paragraph per turn. The system prompt is set-up, not conversation. */
export function transcriptToText(transcript: Transcript): string {
  if (transcript.kind === "text") return transcript.text;
  return transcript.turns
    .filter((turn) => turn.speaker !== "system")
    .map((turn) => (turn.label ? `${turn.label}: ${turn.text}` : turn.text))
    .join("\n\n");
}
