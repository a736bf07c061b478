"use client";
// The Flireo API key on the webhooks page: saved on the server (never shown again) or forgotten, or the one in
// FLIREO_API_KEY, which takes precedence.
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { ApiKeySource } from "@/lib/shared/flireo/flireo-view";
import { callApi } from "@/components/ui/call-api";
import { Notice, buttonClass, primaryButtonClass } from "@/components/ui/card";

export function ApiKeyForm({ source, onChange }: { source: ApiKeySource; onChange: (source: ApiKeySource) => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const t = useTranslations("webhooks.apiKey");

  const submit = async (method: "PUT" | "DELETE") => {
    setIsBusy(true);
    setError(null);
    try {
      const result = await callApi<{ source: ApiKeySource }>(method, "/api/flireo/api-key", method === "PUT" ? { apiKey: value } : undefined);
      setValue("");
      onChange(result.source);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setIsBusy(false);
    }
  };

  if (source === "environment") {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="api-key-state">{t.rich("fromEnvironment", { code: (chunks: ReactNode) => <code className="font-mono">{chunks}</code> })}</p>;
  }
  return (
    <div className="flex flex-col gap-2">
      {source === "saved" ? (
        <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="api-key-state">
          {t("saved")}
          <button type="button" className={buttonClass} disabled={isBusy} onClick={() => void submit("DELETE")}>
            {t("forget")}
          </button>
        </div>
      ) : (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            void submit("PUT");
          }}
        >
          <label htmlFor="flireo-api-key" className="text-sm text-zinc-600 dark:text-zinc-400">
            {t("label")}
          </label>
          <input
            id="flireo-api-key"
            type="password"
            autoComplete="off"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            placeholder={t("placeholder")}
            className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-1.5 font-mono text-sm shadow-sm outline-none focus:border-zinc-500 focus:ring-2 focus:ring-zinc-500/20 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button type="submit" className={primaryButtonClass} disabled={isBusy || value.trim() === ""}>
            {t("save")}
          </button>
        </form>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
