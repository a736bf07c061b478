// The header of the admin pages: Callboard's mark, the page's name, and the way back to the board.
import Link from "next/link";
import { buttonClass } from "@/components/ui/card";

export function AdminPageHeader({ title }: { title: string }) {
  return (
    <header className="flex flex-wrap items-center gap-x-6 gap-y-4">
      <Link href="/" className="flex items-center gap-3">
        <span aria-hidden className="grid size-9 place-items-center rounded-lg bg-zinc-900 text-lg font-bold text-white dark:bg-white dark:text-zinc-900">
          C
        </span>
        <span className="text-xl font-semibold tracking-tight">Callboard</span>
      </Link>
      <h1 className="text-xl font-semibold tracking-tight text-zinc-500 dark:text-zinc-400">{title}</h1>
      <Link href="/" className={`${buttonClass} ml-auto`}>
        Back to the board
      </Link>
    </header>
  );
}
