"use client";
// A link to a call's page. The board lists calls by the hundred and, on a busy day, new rows appear many times a
// second. Next's default prefetch of every link that comes into view fetched call pages from the server for all of
// them (10 requests for the 4 new rows of an e2e test), a load on the server per open board, and the largest cost
// of the board's own CPU under 200 updates/s (`npm run bench:board`). Instead a call's page is prefetched when a
// pointer, the keyboard focus or a finger reaches its link: the route's code and layout are then loaded before
// the click, and only the call's own data remains to fetch. That fetch takes a moment (a call page is rendered
// on the server, from the database), so the clicked row shows a bar until the page is there: a click that seems
// to do nothing gets clicked again.
import Link, { useLinkStatus } from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type CallLinkProps = Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { callId: string };

/**
 * While the call's page loads after a click: a bar along the bottom of the link's nearest positioned ancestor, the
 * row on the board (its link covers the row), else the link itself (give it `relative`). Visual only: a screen
 * reader announces the page when it arrives.
 */
function PendingBar() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span
      aria-hidden
      data-testid="call-link-pending"
      className="pointer-events-none absolute inset-x-0 bottom-0 h-0.5 bg-sky-500 motion-safe:animate-pulse dark:bg-sky-400"
    />
  );
}

export function CallLink({ callId, children, onMouseEnter, onFocus, onTouchStart, ...props }: CallLinkProps) {
  const router = useRouter();
  const href = `/calls/${encodeURIComponent(callId)}`;
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        router.prefetch(href);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        router.prefetch(href);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        router.prefetch(href);
        onTouchStart?.(event);
      }}
    >
      {children}
      <PendingBar />
    </Link>
  );
}
