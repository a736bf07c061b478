"use client";
// The live board: calls in progress with running timers and recent errors, narrowed by a number search.
import type { CountryCode } from "libphonenumber-js/min";
import { useEffect, useMemo, useState } from "react";
import type { BoardSnapshot } from "@/lib/calls/call-view";
import { parseNumberSearch } from "@/lib/calls/number-search";
import type { Role } from "@/lib/auth/roles";
import { ConnectionIndicator } from "./connection-indicator";
import { LiveCallsTable } from "./live-calls-table";
import { RecentErrors } from "./recent-errors";
import { useLiveBoard } from "./use-live-board";
import { useNow } from "./use-now";
import { UserMenu } from "./user-menu";

type BoardProps = {
  initialSnapshot: BoardSnapshot;
  defaultCountry: string;
  isAcceptingUnsigned: boolean;
  user: { email: string; role: Role };
};

/** Mirrors the search box into ?q= so a filtered board can be shared and survives a reload. */
function useQueryInUrl(initial: string): [string, string, (value: string) => void] {
  const [input, setInput] = useState(initial);
  const [query, setQuery] = useState(initial);
  useEffect(() => {
    const timer = setTimeout(() => {
      const trimmed = input.trim();
      setQuery(trimmed);
      const url = new URL(window.location.href);
      if (trimmed) url.searchParams.set("q", trimmed);
      else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
    }, 150);
    return () => clearTimeout(timer);
  }, [input]);
  return [input, query, setInput];
}

export function Board({ initialSnapshot, defaultCountry, isAcceptingUnsigned, user }: BoardProps) {
  const [input, query, setInput] = useQueryInUrl(initialSnapshot.query);
  const pattern = useMemo(() => parseNumberSearch(query, defaultCountry as CountryCode), [query, defaultCountry]);
  const { live, errors, connection } = useLiveBoard(initialSnapshot, query, pattern);
  const now = useNow();
  const isFiltered = pattern !== null;

  useEffect(() => {
    document.title = live.length > 0 ? `(${live.length}) Callboard` : "Callboard";
  }, [live.length]);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6 lg:px-8">
      <header className="flex flex-wrap items-center gap-x-6 gap-y-4">
        <div className="flex items-center gap-3">
          <span aria-hidden className="grid size-9 place-items-center rounded-lg bg-zinc-900 text-lg font-bold text-white dark:bg-white dark:text-zinc-900">
            C
          </span>
          <h1 className="text-xl font-semibold tracking-tight">Callboard</h1>
        </div>
        <ConnectionIndicator state={connection} />
        <div className="ml-auto w-full sm:w-80">
          <label htmlFor="number-search" className="sr-only">
            Filter by phone number
          </label>
          <input
            id="number-search"
            type="search"
            inputMode="tel"
            autoComplete="off"
            placeholder="Filter by number, e.g. 06 1234"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            className="w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm outline-none placeholder:text-zinc-400 focus:border-zinc-500 focus:ring-2 focus:ring-zinc-500/20 dark:border-zinc-700 dark:bg-zinc-900"
          />
        </div>
        <UserMenu email={user.email} role={user.role} />
      </header>

      {isAcceptingUnsigned && (
        <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200">
          Webhooks are accepted without a signature. Set <code className="font-mono">FLIREO_WEBHOOK_SECRET</code> before
          exposing this Callboard to the internet.
        </p>
      )}

      <main className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="live-heading" className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm lg:col-span-2 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex items-baseline justify-between border-b border-zinc-100 px-5 py-4 dark:border-zinc-800">
            <h2 id="live-heading" className="text-lg font-semibold">In progress</h2>
            <span data-testid="live-count" className="text-3xl font-semibold text-emerald-600 tabular-nums dark:text-emerald-400">
              {live.length}
            </span>
          </div>
          <LiveCallsTable calls={live} now={now} isFiltered={isFiltered} />
        </section>

        <section aria-labelledby="errors-heading" className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex items-baseline justify-between border-b border-zinc-100 px-5 py-4 dark:border-zinc-800">
            <h2 id="errors-heading" className="text-lg font-semibold">Recent errors</h2>
            <span data-testid="error-count" className="text-3xl font-semibold text-red-600 tabular-nums dark:text-red-400">
              {errors.length}
            </span>
          </div>
          <RecentErrors calls={errors} isFiltered={isFiltered} />
        </section>
      </main>
    </div>
  );
}
