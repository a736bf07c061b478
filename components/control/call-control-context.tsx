"use client";
// What the call controls on a page need, given once by the page: whether this user may act, the transfer list and
// typed-number rule, the latest command of each call (kept current by the live stream), and what to do when Flireo
// says a call has ended (the board reloads it).
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import type { CallCommandType, CallCommandView, CallControlSetup } from "@/lib/shared/control/call-command";

/** A command someone chose from a menu, for the host's dialog. */
export type CommandRequest = { callId: string; customer: string; type: CallCommandType };

export type CallControl = {
  /** Null for a viewer: no controls at all. */
  setup: CallControlSetup | null;
  latestCommand: (callId: string) => CallCommandView | undefined;
  /** Flireo said the call is over before Callboard heard of it. */
  onCallGone: (callId: string) => void;
  /** Opens the command's dialog (call-control-host.tsx holds it, so it stays open when the call leaves a list). */
  open: (request: CommandRequest) => void;
};

export const CallControlContext = createContext<CallControl>({ setup: null, latestCommand: () => undefined, onCallGone: () => {}, open: () => {} });

export function useCallControl(): CallControl {
  return useContext(CallControlContext);
}

/** The latest command of each call, from the page's first render and then the live stream; stable `onCommands`. */
export function useLatestCommands(initial: CallCommandView[]) {
  const [byCall, setByCall] = useState(() => new Map(initial.map((command) => [command.callId, command])));
  const onCommands = useCallback((commands: CallCommandView[]) => {
    setByCall((current) => {
      const next = new Map(current);
      for (const command of commands) {
        const known = next.get(command.callId);
        // The same command again (its answer) replaces it; an older one never replaces a newer.
        if (!known || Number(command.id) >= Number(known.id)) next.set(command.callId, command);
      }
      return next;
    });
  }, []);
  const latestCommand = useCallback((callId: string) => byCall.get(callId), [byCall]);
  return useMemo(() => ({ latestCommand, onCommands }), [latestCommand, onCommands]);
}
