"use client";
// "← Back to the board" on a call's page, to the board as it was left: with its filters (kept in this tab's
// session storage by useCallFilter), or the plain board when the call was opened from elsewhere.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { BOARD_SEARCH_KEY } from "@/components/board/use-call-filter";

const noSubscription = () => () => {};

export function BackToBoardLink({ className }: { className: string }) {
  const t = useTranslations("header");
  const search = useSyncExternalStore(noSubscription, () => sessionStorage.getItem(BOARD_SEARCH_KEY) ?? "", () => "");
  return (
    <Link href={`/${search}`} className={className} data-testid="back-to-board">
      {t("backToBoard")}
    </Link>
  );
}
