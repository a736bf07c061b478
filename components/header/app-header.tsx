// The one header of every signed-in page: Callboard's mark (the way to the board), the page's name, what the page
// adds (the board's connection and alerts), the theme toggle, and the person with their links and sign-out.
import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/shared/auth/roles";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export type HeaderUser = { email: string; name?: string; role: Role };

type AppHeaderProps = {
  user: HeaderUser;
  /** The page's name, its h1. Without it the board's mark is the h1 (`isBoard`), or the page has its own h1. */
  title?: string;
  isBoard?: boolean;
  /** Beside the mark: the board's live connection. */
  status?: ReactNode;
  /** Before the theme toggle: the board's alerts bell. */
  actions?: ReactNode;
};

function Mark({ isBoard }: { isBoard: boolean }) {
  const t = useTranslations("common");
  const square = (
    <span aria-hidden className="grid size-9 shrink-0 place-items-center rounded-lg bg-zinc-900 text-lg font-bold text-white dark:bg-white dark:text-zinc-900">
      C
    </span>
  );
  if (isBoard) {
    return (
      <div className="flex items-center gap-3">
        {square}
        {/* Under 360 px the mark alone says Callboard, so its buttons stay beside it. */}
        <h1 className="text-xl font-semibold tracking-tight max-[359px]:sr-only">{t("appName")}</h1>
      </div>
    );
  }
  return (
    <Link href="/" className="flex items-center gap-3" data-testid="header-board-link">
      {square}
      {/* On a phone the page's name needs the room: the mark alone says Callboard there. */}
      <span className="sr-only text-xl font-semibold tracking-tight sm:not-sr-only">{t("appName")}</span>
    </Link>
  );
}

export function AppHeader({ user, title, isBoard = false, status, actions }: AppHeaderProps) {
  return (
    // One line from a phone to a wall display, in every language: the page's name takes the room that is left (cut
    // with an ellipsis on the narrowest phones rather than pushing the buttons onto a second line); only the board's
    // connection goes under the rest on a phone.
    <header className="flex flex-wrap items-center gap-x-3 gap-y-3 sm:gap-x-4" data-testid="app-header">
      <Mark isBoard={isBoard} />
      {title && (
        <h1 className="min-w-0 flex-1 basis-0 truncate text-xl font-semibold tracking-tight text-zinc-500 dark:text-zinc-400" title={title}>
          {title}
        </h1>
      )}
      {status}
      <div className="ml-auto flex shrink-0 items-center justify-end gap-2">
        {actions}
        <ThemeToggle />
        <UserMenu email={user.email} name={user.name} role={user.role} />
      </div>
    </header>
  );
}

/** Only what the header shows: a signed-in user's session must not travel to the browser in a page's props. */
export function toHeaderUser(user: HeaderUser): HeaderUser {
  return { email: user.email, name: user.name, role: user.role };
}
