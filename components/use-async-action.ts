"use client";
// One request behind a button: busy while it runs, and its error message (a person can read it) when it fails.
import { useCallback, useState } from "react";

export function useAsyncAction() {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setIsBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setIsBusy(false);
    }
  }, []);
  return { isBusy, error, run };
}
