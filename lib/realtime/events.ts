// The realtime protocol, typed once for the server and the board. Events are named noun:verb.
import type { CallView } from "@/lib/calls/call-view";

export interface ServerToClientEvents {
  /** A call changed; the payload is its full, committed state. */
  "call:updated": (call: CallView) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the board only listens, for now.
export interface ClientToServerEvents {}

export const SOCKET_PATH = "/socket.io";
