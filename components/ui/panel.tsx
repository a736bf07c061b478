// A titled card: the one frame every part of the board sits in, so spacing and type stay consistent.
import type { ReactNode } from "react";

type PanelProps = {
  id: string;
  title: string;
  /** Shown at the right of the title bar (a count, a badge, an action). */
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
};

export function Panel({ id, title, aside, className = "", children }: PanelProps) {
  return (
    // An id and tabIndex -1, so a skip link (the board's) can move the focus to the panel.
    <section
      id={id}
      tabIndex={-1}
      aria-labelledby={`${id}-heading`}
      className={`flex min-w-0 scroll-mt-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500/50 flex-col overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900 ${className}`}
    >
      <div className="flex items-center justify-between gap-3 border-b border-zinc-100 px-5 py-3 dark:border-zinc-800">
        <h2 id={`${id}-heading`} className="text-base font-semibold tracking-tight">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

export function EmptyState({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <p className="px-5 py-10 text-center text-sm text-zinc-500 dark:text-zinc-400" data-testid={testId}>
      {children}
    </p>
  );
}
