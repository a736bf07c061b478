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
    <nav aria-label={t("settingsNav")} data-testid="settings-nav" className="border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {ADMIN_LINKS.map((link) => {
          const isCurrent = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                  isCurrent
                    ? "border-sky-600 text-sky-800 dark:border-sky-400 dark:text-sky-200"
                    : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100"
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
