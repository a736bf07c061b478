"use client";
// Gives a page's call controls their shared state and holds the one command dialog, above the lists: a call that
// ends while its dialog is open leaves the live list, and the dialog stays to show Flireo's answer.
import { useMemo, useState, type ReactNode } from "react";
import { CallControlContext, type CallControl, type CommandRequest } from "./call-control-context";
import { CommandDialog } from "./command-dialog";

export function CallControlHost({ value, children }: { value: Omit<CallControl, "open">; children: ReactNode }) {
  const [request, setRequest] = useState<(CommandRequest & { returnFocus: Element | null }) | null>(null);
  const withOpen = useMemo(() => ({ ...value, open: (next: CommandRequest) => setRequest({ ...next, returnFocus: document.activeElement }) }), [value]);
  return (
    <CallControlContext.Provider value={withOpen}>
      {children}
      {request && (
        <CommandDialog
          key={`${request.callId}:${request.type}`}
          callId={request.callId}
          customer={request.customer}
          type={request.type}
          onClose={() => {
            if (request.returnFocus instanceof HTMLElement && request.returnFocus.isConnected) request.returnFocus.focus();
            setRequest(null);
          }}
        />
      )}
    </CallControlContext.Provider>
  );
}
