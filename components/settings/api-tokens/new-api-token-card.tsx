"use client";
// Makes a read-API token and shows its secret once, with a copy button and a first request to try.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { API_TOKEN_EXPIRY_DAYS, type CreatedApiToken } from "@/lib/shared/api-tokens/api-token-view";
import { callApi } from "@/components/ui/call-api";
import { Card, Notice, buttonClass, primaryButtonClass } from "@/components/ui/card";
import { CopyableValue } from "@/components/ui/copy-button";
import { useBusyAction } from "@/components/ui/use-busy-action";

const INPUT =
  "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-zinc-500 focus-visible:ring-2 focus-visible:ring-zinc-500/40 dark:border-zinc-700 dark:bg-zinc-900";

export function NewApiTokenCard() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [expiresInDays, setExpiresInDays] = useState<number | null>(90);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const { busy, error, run } = useBusyAction();
  const isBusy = busy !== null;
  const t = useTranslations("apiTokens.new");
  // The first request to try with it: a shell command, the same in every language.
  const curl = created && `curl -H "Authorization: Bearer ${created.secret}" \\\n  "${window.location.origin}/api/v1/calls?limit=5"`;

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      setCreated(await callApi<CreatedApiToken>("POST", "/api/api-tokens", { name, expiresInDays }));
      setName("");
      router.refresh();
    });
  };

  return (
    <Card id="new-api-token" title={t("title")}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t.rich("intro", {
          code: (chunks) => <code className="font-mono">{chunks}</code>,
          link: (chunks) => (
            <a href="/api/v1/openapi.json" className="font-medium underline underline-offset-2">
              {chunks}
            </a>
          ),
        })}
      </p>
      <form onSubmit={create} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end" data-testid="new-api-token-form">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("name")}
          <input name="name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} placeholder={t("namePlaceholder")} className={INPUT} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("expires")}
          <select
            name="expiresInDays"
            value={expiresInDays ?? "never"}
            onChange={(event) => setExpiresInDays(event.target.value === "never" ? null : Number(event.target.value))}
            className={INPUT}
          >
            {API_TOKEN_EXPIRY_DAYS.map((days) => (
              <option key={days ?? "never"} value={days ?? "never"}>
                {days === null ? t("never") : t("inDays", { days })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={isBusy} className={`${primaryButtonClass} py-2`} data-testid="create-api-token">
          {isBusy ? t("creating") : t("create")}
        </button>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      {created && (
        <div data-testid="created-api-token" className="flex flex-col gap-3 rounded-lg border border-emerald-300 bg-emerald-50/60 p-4 dark:border-emerald-800/60 dark:bg-emerald-950/30">
          <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
            {t("ready", { name: created.token.name })}
          </p>
          <CopyableValue value={created.secret} testId="api-token-secret" copyTestId="copy-api-token">
            <button type="button" className={buttonClass} onClick={() => setCreated(null)} data-testid="dismiss-api-token">
              {t("done")}
            </button>
          </CopyableValue>
          <pre className="overflow-x-auto rounded-lg bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100 dark:bg-zinc-950">
            {curl}
          </pre>
        </div>
      )}
    </Card>
  );
}
