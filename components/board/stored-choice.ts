"use client";
// A choice an operator makes on the board (the live list's order, its row density) that the browser remembers, so a
// wall screen keeps it through reloads, and that follows the same choice made in another tab. Where the browser's
// settings block storage, the choice still holds on this page, only not remembered.
//
// localStorage holds it (its `storage` event carries another tab's choice); a cookie mirrors it for the server's
// render (board-preferences.ts). useSyncExternalStore renders the server's value while hydrating, then the stored
// one: the same, unless the cookie was lost.
import { useSyncExternalStore } from "react";
import { readChoice, type ChoiceDefinition } from "./board-preferences";

const COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60; // The longest browsers keep a cookie.

export type StoredChoice<T extends string> = {
  /** The current value, re-rendering on a change made here or in another tab; `serverValue` until hydrated. */
  useChoice: (serverValue: T) => T;
  choose: (value: T) => void;
};

export function createStoredChoice<T extends string>(definition: ChoiceDefinition<T>): StoredChoice<T> {
  const listeners = new Set<() => void>();
  /** The value picked on this page: it holds even where storage refuses to remember it. */
  let picked: T | null = null;

  function current(): T {
    if (picked) return picked;
    try {
      return readChoice(definition, localStorage.getItem(definition.key));
    } catch {
      return definition.fallback; // Storage blocked by the browser's settings.
    }
  }

  function mirrorToCookie(value: T): void {
    document.cookie = `${definition.key}=${value}; path=/; max-age=${COOKIE_MAX_AGE_SECONDS}; samesite=lax`;
  }

  function subscribe(onChange: () => void): () => void {
    // Another tab's choice: storage speaks again.
    const onStorage = (event: StorageEvent) => {
      if (event.storageArea !== localStorage || (event.key !== definition.key && event.key !== null)) return;
      picked = null;
      onChange();
    };
    listeners.add(onChange);
    window.addEventListener("storage", onStorage);
    // A choice remembered before the cookie existed (or after it was cleared) reaches the server from now on.
    mirrorToCookie(current());
    return () => {
      listeners.delete(onChange);
      window.removeEventListener("storage", onStorage);
    };
  }

  return {
    useChoice: (serverValue) => useSyncExternalStore(subscribe, current, () => serverValue),
    choose(value) {
      picked = value;
      try {
        localStorage.setItem(definition.key, value);
      } catch {
        // Applied on this page, not remembered.
      }
      mirrorToCookie(value);
      listeners.forEach((listener) => listener());
    },
  };
}
