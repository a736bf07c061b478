"use client";
// Makes a wallboard link and shows its URL once, with a copy button: open it on the TV, nobody signs in there. The
// link's language (preselected: the admin's own) is the wall's on that TV, whatever its browser says.
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { WALLBOARD_EXPIRY_DAYS, type CreatedWallboard } from "@/lib/shared/wallboards/wallboard-view";
import { formatPhoneNumber } from "@/lib/shared/calls/format";
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from "@/lib/shared/i18n/locales";
import { callApi } from "@/components/ui/call-api";
import { Card, Notice, buttonClass, primaryButtonClass } from "@/components/ui/card";
import { CopyableValue } from "@/components/ui/copy-button";
import { useBusyAction } from "@/components/ui/use-busy-action";

const INPUT =
  "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-zinc-500 focus-visible:ring-2 focus-visible:ring-zinc-500/40 dark:border-zinc-700 dark:bg-zinc-900";

const CODE = (chunks: ReactNode) => <code className="font-mono">{chunks}</code>;

export function NewWallboardCard({ lines }: { lines: { number: string; name: string | null }[] }) {
  const t = useTranslations("wallboards.new");
  const router = useRouter();
  const pageLocale = useLocale();
  const [locale, setLocale] = useState<Locale>(pageLocale);
  const [name, setName] = useState("");
  const [lineNumber, setLineNumber] = useState("");
  const [expiresInDays, setExpiresInDays] = useState<number | null>(null);
  const [showFullNumbers, setShowFullNumbers] = useState(false);
  const [created, setCreated] = useState<CreatedWallboard | null>(null);
  const { busy, error, run } = useBusyAction();
  const isBusy = busy !== null;

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      setCreated(await callApi<CreatedWallboard>("POST", "/api/wallboards", { name, lineNumber: lineNumber || null, expiresInDays, showFullNumbers, locale }));
      setName("");
      router.refresh();
    });
  };

  return (
    <Card id="new-wallboard" title={t("title")}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t.rich("intro", { code: CODE })}</p>
      <form onSubmit={create} className="grid gap-3 sm:grid-cols-2 sm:items-end lg:grid-cols-[1fr_14rem_10rem_9rem_auto]" data-testid="new-wallboard-form">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("name")}
          <input name="name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} placeholder={t("namePlaceholder")} className={INPUT} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("line")}
          <select name="lineNumber" value={lineNumber} onChange={(event) => setLineNumber(event.target.value)} className={INPUT}>
            <option value="">{t("everyLine")}</option>
            {lines.map((line) => (
              <option key={line.number} value={line.number}>
                {line.name ? `${line.name} (${formatPhoneNumber(line.number)})` : formatPhoneNumber(line.number)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("expires")}
          <select
            name="expiresInDays"
            value={expiresInDays ?? "never"}
            onChange={(event) => setExpiresInDays(event.target.value === "never" ? null : Number(event.target.value))}
            className={INPUT}
          >
            {WALLBOARD_EXPIRY_DAYS.map((days) => (
              <option key={days ?? "never"} value={days ?? "never"}>
                {t("expiry", { days: days ?? 0 })}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("language")}
          <select name="locale" value={locale} onChange={(event) => isLocale(event.target.value) && setLocale(event.target.value)} className={INPUT} data-testid="wallboard-locale-select">
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {LOCALE_NAMES[option]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={isBusy} className={`${primaryButtonClass} py-2`} data-testid="create-wallboard">
          {isBusy ? t("creating") : t("create")}
        </button>
        <label className="flex items-center gap-2 text-sm sm:col-span-2 lg:col-span-5">
          <input type="checkbox" name="showFullNumbers" checked={showFullNumbers} onChange={(event) => setShowFullNumbers(event.target.checked)} />
          {t("showFullNumbers")}
        </label>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      {created && <CreatedWallboardNotice created={created} onDone={() => setCreated(null)} />}
    </Card>
  );
}

function CreatedWallboardNotice({ created, onDone }: { created: CreatedWallboard; onDone: () => void }) {
  const t = useTranslations("wallboards.new");
  return (
    <div data-testid="created-wallboard" className="flex flex-col gap-3 rounded-lg border border-emerald-300 bg-emerald-50/60 p-4 dark:border-emerald-800/60 dark:bg-emerald-950/30">
      <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
        {t("ready", { name: created.wallboard.name })}
      </p>
      <CopyableValue value={created.url} testId="wallboard-url" copyTestId="copy-wallboard-url">
        <button type="button" className={buttonClass} onClick={onDone} data-testid="dismiss-wallboard">
          {t("done")}
        </button>
      </CopyableValue>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {t.rich("tips", { code: CODE })}
      </p>
    </div>
  );
}
