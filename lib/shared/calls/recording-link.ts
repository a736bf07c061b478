// How a recording address from a webhook may be shown. The address is the sender's text: as a link or an audio
// source, `javascript:`, `data:` or `file:` would run or open whatever it says in Callboard's page. Only https
// becomes a player and a link; plain http is shown as text (no player: mixed content, and no link to follow by
// accident); anything else is shown as text too.
export type RecordingLink = { kind: "player"; url: string } | { kind: "text"; text: string };

export function toRecordingLink(address: string | null): RecordingLink | null {
  if (!address) return null;
  const parsed = URL.parse(address.trim());
  if (parsed?.protocol === "https:") return { kind: "player", url: parsed.href };
  return { kind: "text", text: address };
}
