"use client";
// A header button that opens a small panel under it (the Menu, Settings, the signed-in person): a native disclosure,
// closed again by a click outside it, Escape, or going to another page.
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

type HeaderDisclosureProps = {
  /** What the button shows; also its name for screen readers. */
  summary: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
};

export const MENU_ITEM = "block rounded-md px-3 py-2 text-left hover:bg-zinc-100 aria-[current=page]:font-semibold dark:hover:bg-zinc-800";

export function HeaderDisclosure({ summary, children, className = "", testId }: HeaderDisclosureProps) {
  const pathname = usePathname();
  const disclosure = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const element = disclosure.current;
      if (!element?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !element.contains(event.target as Node)) element.open = false;
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  useEffect(() => {
    if (disclosure.current) disclosure.current.open = false;
  }, [pathname]);
  return (
    <details ref={disclosure} className={`group relative ${className}`} data-testid={testId}>
      <summary className="inline-flex h-9 max-w-full cursor-pointer list-none items-center gap-1.5 rounded-lg border border-zinc-200 bg-white px-3 text-sm font-medium whitespace-nowrap text-zinc-700 shadow-sm select-none hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden">
        {summary}
        <svg aria-hidden viewBox="0 0 20 20" className="hidden size-4 shrink-0 text-zinc-500 transition-transform group-open:rotate-180 sm:block" fill="currentColor">
          <path fillRule="evenodd" d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z" clipRule="evenodd" />
        </svg>
      </summary>
      <div className="absolute right-0 z-30 mt-2 flex w-64 max-w-[calc(100vw-2rem)] flex-col rounded-xl border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
        {children}
      </div>
    </details>
  );
}
