"use client";
// GETs a Callboard API now, whenever `refreshKey` changes, and every `intervalMs` while mounted: for the logs on
// the admin pages, which show what happens while they are open.
import { useCallback, useEffect, useState } from "react";
import { callApi } from "./call-api";

export function usePolledApi<T>(url: string, intervalMs: number, refreshKey: number): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await callApi<T>("GET", url));
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [url]);

  useEffect(() => {
    // Load now (after whatever bumped refreshKey), then keep refreshing.
    const first = setTimeout(() => void load(), 0);
    const timer = setInterval(() => void load(), intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [load, intervalMs, refreshKey]);

  return { data, error };
}
