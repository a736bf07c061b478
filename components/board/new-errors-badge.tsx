"use client";
// "N new" on Recent errors: errors that arrived since the operator last looked. It pulses a few times when the
// count goes up, then stays still: a board kept open all day should catch the eye at news, not blink for hours.
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

const PULSE: Keyframe[] = [{ opacity: 1 }, { opacity: 0.45 }, { opacity: 1 }];

export function NewErrorsBadge({ count, onSeen }: { count: number; onSeen: () => void }) {
  const t = useTranslations("board.errorGroups");
  const format = useFormatter();
  const badge = useRef<HTMLButtonElement>(null);
  const shown = useRef(0);

  useEffect(() => {
    const grew = count > shown.current;
    shown.current = count;
    const element = badge.current;
    if (!grew || !element || window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;
    element.getAnimations().forEach((animation) => animation.cancel());
    element.animate(PULSE, { duration: 1_000, iterations: 3, easing: "ease-in-out" });
  }, [count]);

  if (count === 0) return null;
  return (
    <button
      ref={badge}
      type="button"
      data-testid="new-errors-badge"
      onClick={onSeen}
      aria-label={t("newLabel", { count })}
      className="rounded-full bg-red-600 px-2.5 py-0.5 text-xs font-semibold text-white hover:bg-red-700 focus-visible:ring-2 focus-visible:ring-red-600/50 focus-visible:outline-none"
    >
      {t("newCount", { count: format.number(count) })}
    </button>
  );
}
