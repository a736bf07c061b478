"use client";
// The admin pages' own navigation, under the header on each of them: every admin page one click from the others,
// the current one marked for the eye and for screen readers (aria-current).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { ADMIN_LINKS } from "./user-menu";

export function SettingsNav() {
  const pathname = usePathname();
  const t = useTranslations("header");
  return (
    // Tabs on a line from a tablet up; on a phone, where six Dutch or English names take two rows, pills that wrap
    // cleanly (an underline would float between the rows).
    <nav aria-label={t("settingsNav")} data-testid="settings-nav" className="sm:border-b sm:border-zinc-200 sm:dark:border-zinc-800">
      <ul className="flex flex-wrap gap-1 sm:-mb-px sm:gap-y-0">
        {ADMIN_LINKS.map((link) => {
          const isCurrent = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`inline-block rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap sm:rounded-none sm:border-b-2 sm:py-2 ${
                  isCurrent
                    ? "bg-sky-50 text-sky-800 sm:border-sky-600 sm:bg-transparent dark:bg-sky-950/60 dark:text-sky-200 sm:dark:border-sky-400 sm:dark:bg-transparent"
                    : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 sm:border-transparent sm:hover:border-zinc-300 sm:hover:bg-transparent dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 sm:dark:hover:border-zinc-600 sm:dark:hover:bg-transparent"
                }`}
              >
                {t(link.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
