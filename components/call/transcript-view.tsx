"use client";
// The call's transcript as a conversation: the agent's turns on the left, the caller's on the right, in order.
// Past a screenful it is collapsed behind a button. Text is rendered as React text, never as HTML.
import { useTranslations } from "next-intl";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { transcriptToText, type Transcript, type TranscriptTurn } from "@/lib/shared/calls/transcript";

const TURN_STYLE: Record<TranscriptTurn["speaker"], { row: string; bubble: string }> = {
  agent: { row: "justify-start", bubble: "bg-sky-50 text-sky-950 ring-sky-200 dark:bg-sky-950/50 dark:text-sky-100 dark:ring-sky-900" },
  caller: { row: "justify-end", bubble: "bg-zinc-100 text-zinc-900 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-100 dark:ring-zinc-700" },
  system: { row: "justify-center", bubble: "bg-amber-50 text-amber-950 ring-amber-200 dark:bg-amber-950/40 dark:text-amber-100 dark:ring-amber-900" },
  other: { row: "justify-center", bubble: "bg-white text-zinc-800 ring-zinc-200 dark:bg-zinc-900 dark:text-zinc-200 dark:ring-zinc-700" },
};

function Turn({ turn }: { turn: TranscriptTurn }) {
  const t = useTranslations("call.transcript");
  const style = TURN_STYLE[turn.speaker];
  const body = <p className="leading-relaxed whitespace-pre-wrap break-words">{turn.text}</p>;
  return (
    <li className={`flex ${style.row}`} data-testid="transcript-turn" data-speaker={turn.speaker}>
      <div className={`max-w-[85%] rounded-2xl px-3.5 py-2 ring-1 ${style.bubble}`}>
        {turn.label && <p className="mb-0.5 text-xs font-semibold tracking-wide uppercase opacity-70">{turn.label}</p>}
        {turn.speaker === "system" ? (
          <details>
            <summary className="cursor-pointer text-sm">{t("systemPrompt")}</summary>
            {body}
          </details>
        ) : (
          body
        )}
      </div>
    </li>
  );
}

/** Collapsed to a screenful when it is longer; `isOverflowing` decides whether the button shows at all. */
function useCollapsible() {
  const ref = useRef<HTMLDivElement>(null);
  const [isExpanded, setIsExpanded] = useState(false);
  const [isOverflowing, setIsOverflowing] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element && !isExpanded) setIsOverflowing(element.scrollHeight > element.clientHeight + 1);
  }, [isExpanded]);
  return { ref, isExpanded, isOverflowing, toggle: () => setIsExpanded((value) => !value) };
}

/** The turns with their speakers named in the reader's language (a speaker Callboard does not know keeps its own name). */
function useLabelledTranscript(transcript: Transcript | null): Transcript | null {
  const t = useTranslations("call.transcript");
  return useMemo(() => {
    if (transcript?.kind !== "turns") return transcript;
    return { kind: "turns", turns: transcript.turns.map((turn) => (turn.speaker === "other" ? turn : { ...turn, label: t(`speaker.${turn.speaker}`) })) };
  }, [transcript, t]);
}

export function TranscriptView({ transcript: parsed }: { transcript: Transcript | null }) {
  const t = useTranslations("call.transcript");
  const transcript = useLabelledTranscript(parsed);
  const { ref, isExpanded, isOverflowing, toggle } = useCollapsible();
  const turnCount = transcript?.kind === "turns" ? transcript.turns.filter((turn) => turn.speaker !== "system").length : null;
  return (
    <section className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900" data-testid="detail-transcript">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold tracking-tight">
          {t("title")}
          {turnCount !== null && <span className="font-normal text-zinc-500 dark:text-zinc-400"> · {t("turns", { count: turnCount })}</span>}
        </h2>
        {transcript && <CopyButton text={transcriptToText(transcript)} label={t("copy")} testId="copy-transcript" />}
      </div>
      {!transcript ? (
        <p className="text-zinc-500 dark:text-zinc-400">{t("none")}</p>
      ) : (
        <>
          <div
            ref={ref}
            data-testid="transcript-body"
            data-expanded={isExpanded}
            className={`relative ${isExpanded ? "" : "max-h-[70vh] overflow-hidden"}`}
          >
            {transcript.kind === "turns" ? (
              <ol className="flex flex-col gap-2" aria-label={t("conversation")}>
                {transcript.turns.map((turn, index) => <Turn key={index} turn={turn} />)}
              </ol>
            ) : (
              <p className="leading-relaxed whitespace-pre-wrap break-words" data-testid="transcript-text">{transcript.text}</p>
            )}
            {!isExpanded && isOverflowing && (
              <div aria-hidden className="pointer-events-none absolute inset-x-0 bottom-0 h-16 bg-gradient-to-t from-white dark:from-zinc-900" />
            )}
          </div>
          {(isOverflowing || isExpanded) && (
            <button type="button" onClick={toggle} data-testid="transcript-toggle" aria-expanded={isExpanded} className="mt-3 text-sm font-medium text-sky-700 hover:underline dark:text-sky-300">
              {isExpanded ? t("showLess") : t("showAll")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
