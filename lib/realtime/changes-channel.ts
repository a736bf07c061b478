// Changes made by a process with no live connections of its own (`npm run flireo -- reconcile`, `-- control`): it
// names the calls and commands it changed on a Postgres channel once they are committed, and every running instance
// sends them to its own boards and wallboards, exactly as a change it made itself (through emitCalls in call-publisher.ts: masked for
// masked links, a link of one line its line's calls alone, commands never to wallboards). Only ids travel: each instance reads the committed rows, so a message on the channel can
// neither carry a stale view nor forge one, and a malformed one is ignored.
import pg from "pg";
import { z } from "zod";
import type { CallPublisher } from "@/lib/calls/call-recorder";
import type { Logger } from "@/lib/observability/logger";
import type { CallCommandView } from "@/lib/shared/control/call-command";

export const CHANGES_CHANNEL = "callboard_changes";

/** Ids per message: a NOTIFY payload must stay under 8,000 bytes. */
const IDS_PER_MESSAGE = 40;
const idsSchema = z.array(z.string().min(1).max(128)).max(IDS_PER_MESSAGE);
const changesSchema = z.object({ calls: idsSchema.default([]), commands: idsSchema.default([]) });

export type Changes = z.infer<typeof changesSchema>;

/** The changes a NOTIFY payload names, or null for anything malformed (it is anyone's with access to the database). */
export function parseChanges(payload: string | undefined): Changes | null {
  try {
    const parsed = changesSchema.safeParse(JSON.parse(payload ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toMessages(calls: string[], commands: string[]): Changes[] {
  const messages: Changes[] = [];
  for (let start = 0; start < Math.max(calls.length, commands.length); start += IDS_PER_MESSAGE) {
    messages.push({ calls: calls.slice(start, start + IDS_PER_MESSAGE), commands: commands.slice(start, start + IDS_PER_MESSAGE) });
  }
  return messages;
}

export type ChangeAnnouncer = {
  /** For a call recorder: each committed change of a call is announced. */
  publisher: CallPublisher;
  /** For call control: each recorded command and answer is announced. */
  publishCommand: (command: CallCommandView) => void;
  /** Sends what is still queued; resolves once every announcement was sent (or failed, which it reports). */
  settle: () => Promise<void>;
};

/** Announces a command-line process's changes to the running instances (it has no Socket.IO server to send them). */
export function createChangeAnnouncer(pool: pg.Pool, onError: (error: Error) => void): ChangeAnnouncer {
  const calls = new Set<string>();
  const commands = new Set<string>();
  let sent: Promise<unknown> = Promise.resolve();
  let isScheduled = false;
  const send = () => {
    isScheduled = false;
    const messages = toMessages([...calls], [...commands]);
    calls.clear();
    commands.clear();
    for (const message of messages) {
      sent = Promise.all([sent, pool.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, JSON.stringify(message)]).catch(onError)]);
    }
  };
  const schedule = () => {
    if (isScheduled) return;
    isScheduled = true;
    setImmediate(send);
  };
  return {
    publisher: { publish: (call) => (calls.add(call.id), schedule()) },
    publishCommand: (command) => (commands.add(command.id), schedule()),
    async settle() {
      if (isScheduled) send();
      await sent;
    },
  };
}

type ListenOptions = { databaseUrl: string; logger: Logger; onChanges: (changes: Changes) => Promise<void>; isShuttingDown: () => boolean };

const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Listens on the channel with a connection of its own, and listens again after Postgres restarts. Returns the stop.
 * A change announced while the connection was down is missed here; the boards' own resync (on reconnect, and the
 * reconciliation rounds) still brings it.
 */
export function listenForChanges(options: ListenOptions): () => Promise<void> {
  let client: pg.Client | null = null;
  let isStopped = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: options.databaseUrl });
    client = next;
    next.on("notification", (message) => {
      if (message.channel !== CHANGES_CHANNEL) return;
      const changes = parseChanges(message.payload);
      if (!changes) return options.logger.warn({ payload: message.payload?.slice(0, 200) }, "Ignored a malformed message on the changes channel");
      options.onChanges(changes).catch((error: Error) => options.logger.warn({ err: error.message }, "Could not send announced changes to the boards"));
    });
    const reconnect = (error?: Error) => {
      if (isStopped || client !== next) return;
      client = null;
      next.removeAllListeners("end");
      void next.end().catch(() => undefined);
      const delay = RECONNECT_MS[Math.min(failures++, RECONNECT_MS.length - 1)];
      if (!options.isShuttingDown()) options.logger.warn({ err: error?.message, retryInMs: delay }, "Lost the changes channel; listening again soon");
      retry = setTimeout(() => void connect(), delay);
      retry.unref();
    };
    next.on("error", reconnect);
    next.on("end", () => reconnect());
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
      failures = 0;
    } catch (error) {
      reconnect(error as Error);
    }
  };
  void connect();

  return async () => {
    isStopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
