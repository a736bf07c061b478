// Listens to a running Callboard's `calls:updated` broadcasts, as the board does, and keeps them for assertions.
import { io, type Socket } from "socket.io-client";
import type { CallView } from "@/lib/shared/calls/call-view";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/shared/realtime/events";

export type CallUpdates = {
  received: CallView[];
  /** Resolves with the first update (already received or still to come) that matches. */
  waitFor: (match: (call: CallView) => boolean, timeoutMs?: number) => Promise<CallView>;
  close: () => void;
};

/** `cookie` is a signed-in user's Cookie header: the socket, like the board's, needs a session. */
export async function listenToCallUpdates(baseUrl: string, cookie: string): Promise<CallUpdates> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
    path: SOCKET_PATH,
    transports: ["websocket"],
    extraHeaders: { cookie },
  });
  const received: CallView[] = [];
  const waiters = new Set<(call: CallView) => void>();
  socket.on("calls:updated", (calls) => {
    for (const call of calls) {
      received.push(call);
      for (const waiter of waiters) waiter(call);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return {
    received,
    waitFor: (match, timeoutMs = 10_000) => {
      const already = received.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No matching update in calls:updated within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = (call: CallView) => {
          if (!match(call)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(call);
        };
        waiters.add(check);
      });
    },
    close: () => socket.close(),
  };
}
