"use client";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { buttonClass } from "./card";

/** `label`: the button's words before a copy (Copy, in the reader's language, unless given). */
export function CopyButton({ text, label, testId }: { text: string; label?: string; testId?: string }) {
  const t = useTranslations("ui");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      // The clipboard API needs a secure context (https or localhost).
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2_000);
  };
  return (
    <button type="button" className={buttonClass} data-testid={testId} onClick={() => void copy()}>
      {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : (label ?? t("copy"))}
    </button>
  );
}

/** A value shown in full (a URL, a token) with a copy button and any further buttons beside it. */
export function CopyableValue({ value, testId, copyTestId, children }: { value: string; testId: string; copyTestId: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <code data-testid={testId} className="min-w-0 flex-1 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-sm break-all dark:border-zinc-700 dark:bg-zinc-800/60">
        {value}
      </code>
      <CopyButton text={value} testId={copyTestId} />
      {children}
    </div>
  );
}
