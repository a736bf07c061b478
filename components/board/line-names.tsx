"use client";
// The names the board knows its lines by, for calls that came without one (see callWords().line).
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import type { CallView } from "@/lib/shared/calls/call-view";
import { useCallWords } from "@/components/ui/call-words";

const LineNames = createContext<ReadonlyMap<string, string | null>>(new Map());

export function LineNamesProvider({ lines, children }: { lines: readonly { number: string; name: string | null }[]; children: ReactNode }) {
  const names = useMemo(() => new Map(lines.map((line) => [line.number, line.name])), [lines]);
  return <LineNames.Provider value={names}>{children}</LineNames.Provider>;
}

/** A call's line by name, with the board's known line names, in the reader's language. */
export function useLineLabel(): (call: Pick<CallView, "lineName" | "lineNumber">) => string {
  const names = useContext(LineNames);
  const words = useCallWords();
  return useCallback((call) => words.line(call, names), [words, names]);
}
