// The realtime protocol, typed once for the server and the board. Events are named noun:verb.
import type { CallView } from "@/lib/shared/calls/call-view";
import type { CallCommandView } from "@/lib/shared/control/call-command";

export interface ServerToClientEvents {
  /**
   * Calls changed; each is its full, committed state. The changes committed together (one turn of the server's
   * event loop) travel in one message, so a burst costs one frame and one render, not one per event.
   */
  "calls:updated": (calls: CallView[]) => void;
  /** A command to a live call was sent (outcome pending), or Flireo answered it: its full state each time. */
  "commands:recorded": (commands: CallCommandView[]) => void;
  /** To a wallboard link's screens: the link was revoked or has expired; the connection closes next. */
  "wallboard:ended": (ended: WallboardEnded) => void;
  /** To a wallboard link's screens: an admin changed the link (its masking); the screen loads the wall again to take it. */
  "wallboard:changed": () => void;
}

export type WallboardEnded = { reason: "revoked" | "expired"; message: string };

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the board only listens, for now.
export interface ClientToServerEvents {}

export const SOCKET_PATH = "/socket.io";
