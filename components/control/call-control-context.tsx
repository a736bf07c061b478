"use client";
// What the call controls on a page need, given once by the page: whether this user may act, the transfer list and
// typed-number rule, the latest command of each call (kept current by the live stream), and what to do when Flireo
// says a call has ended (the board reloads it).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { CallCommandView, CallControlSetup } from "@/lib/shared/control/call-command";

export type CallControl = {
  /** Null for a viewer: no controls at all. */
  setup: CallControlSetup | null;
  latestCommand: (callId: string) => CallCommandView | undefined;
  /** Flireo said the call is over before Callboard heard of it. */
  onCallGone: (callId: string) => void;
};

const Context = createContext<CallControl>({ setup: null, latestCommand: () => undefined, onCallGone: () => {} });

export function useCallControl(): CallControl {
  return useContext(Context);
}

export function CallControlProvider({ value, children }: { value: CallControl; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
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
