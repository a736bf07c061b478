"use client";
// The header's language choice: the page re-renders in the chosen language at once, and the choice is remembered in
// this browser and on the user (lib/actions/locale-actions.ts).
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { chooseLocale } from "@/lib/actions/locale-actions";
import { isLocale, LOCALE_NAMES, LOCALES } from "@/lib/shared/i18n/locales";

/**
 * `testId`: the wide header's switch and the phone menu's are both on the page, one of them hidden. `isLabelShown`:
 * "Language" beside the switch, in a menu; elsewhere the language names say what it is.
 */
export function LanguageSwitch({ testId = "language-switch", isLabelShown = false }: { testId?: string; isLabelShown?: boolean }) {
  const t = useTranslations("header.language");
  const locale = useLocale();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);

  function choose(value: string) {
    if (!isLocale(value) || value === locale) return;
    startTransition(async () => {
      const saved = await chooseLocale(value).catch(() => false);
      setFailed(!saved);
      if (saved) router.refresh();
    });
  }

  return (
    <label className="relative flex items-center justify-between gap-3" title={failed ? t("failed") : undefined}>
      <span className={isLabelShown ? "text-zinc-600 dark:text-zinc-400" : "sr-only"}>{t("label")}</span>
      <select
        data-testid={testId}
        value={locale}
        disabled={isPending}
        aria-invalid={failed || undefined}
        onChange={(event) => choose(event.target.value)}
        className="h-9 cursor-pointer rounded-lg border border-zinc-200 bg-white pr-1 pl-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 disabled:opacity-60 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        {LOCALES.map((each) => (
          <option key={each} value={each} lang={each}>
            {LOCALE_NAMES[each]}
          </option>
        ))}
      </select>
    </label>
  );
}
