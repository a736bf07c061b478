"use client";
// A choice an operator makes on the board (the live list's order, its row density) that the browser remembers, so a
// wall screen keeps it through reloads, and that follows the same choice made in another tab. Where the browser's
// settings block storage, the choice still holds on this page, only not remembered.
import { useSyncExternalStore } from "react";

export type StoredChoice<T extends string> = {
  /** The current value, re-rendering on a change made here or in another tab. */
  useChoice: () => T;
  choose: (value: T) => void;
};

export function createStoredChoice<T extends string>(storageKey: string, values: readonly T[], fallback: T): StoredChoice<T> {
  const listeners = new Set<() => void>();
  /** The value picked on this page: it holds even where storage refuses to remember it. */
  let picked: T | null = null;

  function current(): T {
    if (picked) return picked;
    try {
      const stored = localStorage.getItem(storageKey);
      return values.find((value) => value === stored) ?? fallback;
    } catch {
      return fallback; // Storage blocked by the browser's settings.
    }
  }

  function subscribe(onChange: () => void): () => void {
    // Another tab's choice: storage speaks again.
    const onStorage = (event: StorageEvent) => {
      if (event.key !== storageKey && event.key !== null) return;
      picked = null;
      onChange();
    };
    listeners.add(onChange);
    window.addEventListener("storage", onStorage);
    return () => {
      listeners.delete(onChange);
      window.removeEventListener("storage", onStorage);
    };
  }

  return {
    useChoice: () => useSyncExternalStore(subscribe, current, () => fallback),
    choose(value) {
      picked = value;
      try {
        localStorage.setItem(storageKey, value);
      } catch {
        // Applied on this page, not remembered.
      }
      listeners.forEach((listener) => listener());
    },
  };
}
