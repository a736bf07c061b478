// A command to a live call, in Flireo's own body shape (POST /calls/{id}/control: end-call, say, transfer,
// inject-context), and how Callboard shows one that was sent. Safe to import from client components: the call page
// and the board check what a person typed with the same schema the server does.
import { z } from "zod";

/** Flireo speaks or reads at most this much per command; Callboard refuses longer text before sending it. */
export const MAX_COMMAND_TEXT = 500;

const text = (what: string) =>
  z
    .string(`${what} must be text.`)
    .trim()
    .min(1, `${what} is empty.`)
    .max(MAX_COMMAND_TEXT, `${what} may have at most ${MAX_COMMAND_TEXT} characters.`);

export const callCommandSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("end-call"), message: text("The goodbye message").optional() }),
    z.strictObject({ type: z.literal("say"), content: text("What to say"), end_after: z.boolean("end_after must be true or false.").default(false) }),
    z.strictObject({
      type: z.literal("transfer"),
      destination: z.string("destination must be text.").trim().min(1, "Choose where to transfer the call.").max(200),
      message: text("The message before the transfer").optional(),
    }),
    z.strictObject({
      type: z.literal("inject-context"),
      content: text("The briefing"),
      trigger_response: z.boolean("trigger_response must be true or false.").default(false),
    }),
  ],
  { error: "type must be one of end-call, say, transfer or inject-context." },
);

export type CallCommand = z.infer<typeof callCommandSchema>;
export type CallCommandType = CallCommand["type"];

/** pending: sent, no answer yet; ok: Flireo accepted it; refused: Flireo said no (4xx); failed: no usable answer. */
export type CommandOutcome = "pending" | "ok" | "refused" | "failed";

/** Where a command came from: a page of Callboard, its API, or `npm run flireo -- control`. */
export type CommandSource = "board" | "api" | "cli";

/** A sent command as boards, call pages and the admin list show it (and the realtime stream carries it). */
export type CallCommandView = {
  id: string;
  callId: string;
  type: CallCommandType;
  command: CallCommand;
  /** Who sent it: the user's email, or "cli". */
  actor: string;
  source: CommandSource;
  outcome: CommandOutcome;
  /** Flireo's answer in words (or why there was none). */
  answer: string | null;
  requestedAt: string;
  answeredAt: string | null;
};

/** Where a call may be transferred: an E.164 number or a SIP address, kept by admins. */
export type TransferDestinationView = { id: string; name: string; destination: string };

/** What the controls need to know: the list, whether a typed number is allowed, and whether Flireo can be asked at all. */
export type CallControlSetup = {
  destinations: TransferDestinationView[];
  allowTypedNumbers: boolean;
  /** Null when an API key is there; otherwise how to add one. */
  missingApiKey: string | null;
};

/** A command's name in English, for server-made text; pages show control.command.<type> in the reader's language. */
export const COMMAND_LABEL: Record<CallCommandType, string> = {
  "end-call": "End call",
  say: "Say",
  transfer: "Transfer",
  "inject-context": "Brief the agent",
};

/**
 * What a live call shows about its latest command, or null: a command on its way, or an end or transfer Flireo
 * accepted ("Ending… requested by sam@…", until the `ended` webhook takes the call off the live list). `doing`: the
 * command whose words in progress fit (a say that ends the call, once accepted, is ending it).
 */
export function commandInFlight(command: CallCommandView): { doing: CallCommandType; actor: string } | null {
  const isUnderway = command.outcome === "pending" || (command.outcome === "ok" && (command.type === "end-call" || command.type === "transfer" || (command.type === "say" && command.command.type === "say" && command.command.end_after)));
  if (!isUnderway) return null;
  return { doing: command.type === "say" && command.outcome === "ok" ? "end-call" : command.type, actor: command.actor };
}

/** The command's own words, for the timeline: what was said, to whom it went. */
export function describeCommand(command: CallCommand): string {
  switch (command.type) {
    case "end-call":
      return command.message ? `End the call, saying "${command.message}"` : "End the call";
    case "say":
      return `Say "${command.content}"${command.end_after ? ", then end the call" : ""}`;
    case "transfer":
      return `Transfer to ${command.destination}${command.message ? `, saying "${command.message}"` : ""}`;
    case "inject-context":
      return `Brief the agent: "${command.content}"${command.trigger_response ? " (respond now)" : ""}`;
  }
}
