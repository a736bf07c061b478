"use client";
// Runs a button's async action with a busy flag (to disable the buttons) and its error message for the card.
import { useState } from "react";

export function useBusyAction<Kind extends string = "busy">(): {
  busy: Kind | null;
  error: string | null;
  run: (action: () => Promise<void>, kind?: Kind) => Promise<void>;
} {
  const [busy, setBusy] = useState<Kind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>, kind = "busy" as Kind) => {
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run };
}
