"use client";
// A link to a call's page. The board lists calls by the hundred and, on a busy day, new rows appear many times a
// second. Next's default prefetch of every link that comes into view fetched call pages from the server for all of
// them (10 requests for the 4 new rows of an e2e test), a load on the server per open board, and the largest cost
// of the board's own CPU under 200 updates/s (`npm run bench:board`). Instead a call's page is prefetched when a
// pointer, the keyboard focus or a finger reaches its link: the route's code and layout are then loaded before
// the click, and only the call's own data remains to fetch.
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type CallLinkProps = Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { callId: string };

export function CallLink({ callId, onMouseEnter, onFocus, onTouchStart, ...props }: CallLinkProps) {
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
    />
  );
}
