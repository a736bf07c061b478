"use client";
// Registration through Flireo's API: the key (kept server-side), the organization's assistants and numbers,
// and register / unregister for the selected assistants, with one result per assistant.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import type { ApiKeySource, AssistantView, FlireoOverview, NumberView, RegistrationDetail, RegistrationResult } from "@/lib/shared/flireo/flireo-view";
import { callApi } from "@/components/ui/call-api";
import { Card, Notice, buttonClass, primaryButtonClass } from "@/components/ui/card";
import { ApiKeyForm } from "./flireo-api-key-form";

type Props = { apiKeySource: ApiKeySource; apiBaseUrl: string; secretVersion: number };

const CONNECTION_CLASS: Record<AssistantView["connection"], string> = {
  "this-callboard": "bg-emerald-100 text-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-300",
  elsewhere: "bg-amber-100 text-amber-900 dark:bg-amber-950/60 dark:text-amber-300",
  none: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

type Translate = ReturnType<typeof useTranslations<"webhooks.registration">>;

function describeProblems(assistant: AssistantView, t: Translate): string | null {
  if (assistant.connection !== "this-callboard") return null;
  if (assistant.secretState === "previous") return t("problems.previousSecret");
  if (assistant.secretState === "other" || assistant.secretState === "none") return t("problems.otherSecret");
  if (assistant.missingEvents.length > 0) return t("problems.missingEvents", { events: assistant.missingEvents.join(", ") });
  return null;
}

/** What registering or unregistering did, in the reader's language. */
function describeResult(detail: RegistrationDetail, t: Translate): string {
  switch (detail.kind) {
    case "registered":
      return t("results.registered", { events: detail.events.join(", "), url: detail.url });
    case "unregistered":
      return t("results.unregistered");
    case "sends-elsewhere":
      return t("results.sendsElsewhere", { url: detail.url });
    case "no-webhook":
      return t("results.noWebhook");
    case "not-tried":
      return detail.retryAfterSeconds === null ? t("results.notTriedMinute") : t("results.notTried", { seconds: detail.retryAfterSeconds });
  }
}

/** The organization's assistants and numbers, and register / unregister for the ticked assistants. */
function useFlireoRegistration(source: ApiKeySource, secretVersion: number) {
  const [overview, setOverview] = useState<FlireoOverview | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<Map<string, RegistrationResult>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const next = await callApi<FlireoOverview>("GET", "/api/flireo/overview");
      setOverview(next);
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, []);

  // Loads when a key is configured and again after a secret rotation; other loads follow the buttons.
  useEffect(() => {
    if (!source) return;
    let isCurrent = true;
    callApi<FlireoOverview>("GET", "/api/flireo/overview").then(
      (next) => isCurrent && setOverview(next),
      (caught: unknown) => isCurrent && setError((caught as Error).message),
    );
    return () => {
      isCurrent = false;
    };
  }, [source, secretVersion]);

  const act = async (action: "register" | "unregister") => {
    setIsBusy(true);
    setError(null);
    try {
      const { results: next } = await callApi<{ results: RegistrationResult[] }>("POST", `/api/flireo/assistants/${action}`, { assistantIds: [...selected] });
      setResults(new Map(next.map((result) => [result.assistantId, result])));
      setOverview(await callApi<FlireoOverview>("GET", "/api/flireo/overview"));
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setIsBusy(false);
    }
  };

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  /** For another key: what the previous one showed no longer holds. */
  const forget = () => {
    setOverview(null);
    setResults(new Map());
  };

  return { overview, selected, results, error, isBusy, load, act, toggle, forget };
}

type Registration = ReturnType<typeof useFlireoRegistration>;

export function FlireoRegistrationCard({ apiKeySource, apiBaseUrl, secretVersion }: Props) {
  const [source, setSource] = useState(apiKeySource);
  const registration = useFlireoRegistration(source, secretVersion);
  const t = useTranslations("webhooks.registration");
  const changeSource = (next: ApiKeySource) => {
    setSource(next);
    registration.forget();
  };

  return (
    <Card
      id="flireo-registration"
      title={t("title")}
      aside={<span className="text-xs text-zinc-500 dark:text-zinc-400">{t("api", { url: apiBaseUrl })}</span>}
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t.rich("intro", { code: (chunks: ReactNode) => <code className="font-mono">{chunks}</code> })}</p>
      <ApiKeyForm source={source} onChange={changeSource} />
      {registration.error && <Notice tone="error" testId="flireo-error">{registration.error}</Notice>}
      {registration.overview && (
        <>
          <RegistrationButtons registration={registration} />
          <AssistantList assistants={registration.overview.assistants} registration={registration} />
          <PhoneNumberList numbers={registration.overview.numbers} />
        </>
      )}
    </Card>
  );
}

function RegistrationButtons({ registration: { isBusy, selected, act, load } }: { registration: Registration }) {
  const t = useTranslations("webhooks.registration");
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={primaryButtonClass} disabled={isBusy || selected.size === 0} onClick={() => void act("register")} data-testid="register-selected">
        {t("register")}
      </button>
      <button type="button" className={buttonClass} disabled={isBusy || selected.size === 0} onClick={() => void act("unregister")} data-testid="unregister-selected">
        {t("unregister")}
      </button>
      <button type="button" className={buttonClass} disabled={isBusy} onClick={() => void load()} data-testid="refresh-assistants">
        {t("refresh")}
      </button>
    </div>
  );
}

function AssistantList({ assistants, registration }: { assistants: AssistantView[]; registration: Registration }) {
  const t = useTranslations("webhooks.registration");
  if (assistants.length === 0) return <p className="text-sm text-zinc-500">{t("noAssistants")}</p>;
  return (
    <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="assistants">
      {assistants.map((assistant) => (
        <AssistantItem
          key={assistant.id}
          assistant={assistant}
          isSelected={registration.selected.has(assistant.id)}
          onToggle={() => registration.toggle(assistant.id)}
          result={registration.results.get(assistant.id)}
        />
      ))}
    </ul>
  );
}

/** An assistant with its tick box, where it sends its webhooks, what is wrong with that, and the last result. */
function AssistantItem({ assistant, isSelected, onToggle, result }: { assistant: AssistantView; isSelected: boolean; onToggle: () => void; result: RegistrationResult | undefined }) {
  const t = useTranslations("webhooks.registration");
  const problem = describeProblems(assistant, t);
  return (
    <li data-testid="assistant" data-assistant-id={assistant.id} data-connection={assistant.connection} className="flex flex-col gap-1 px-4 py-3">
      <label className="flex flex-wrap items-center gap-3">
        <input type="checkbox" checked={isSelected} onChange={onToggle} className="size-4" />
        <span className="font-medium">{assistant.name}</span>
        {assistant.isActive === false && <span className="text-xs text-zinc-500">{t("inactive")}</span>}
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${CONNECTION_CLASS[assistant.connection]}`} data-testid="assistant-connection">
          {t(`connection.${assistant.connection}`)}
        </span>
      </label>
      <p className="pl-7 text-xs text-zinc-500 break-all dark:text-zinc-400">
        {assistant.webhookUrl ?? t("noWebhookUrl")}
        {assistant.events.length > 0 && ` · ${assistant.events.join(", ")}`}
      </p>
      {problem && <p className="pl-7 text-xs text-amber-700 dark:text-amber-300">{problem}</p>}
      {result && (
        <p data-testid="assistant-result" data-outcome={result.outcome} className={`pl-7 text-sm ${result.outcome === "failed" ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}>
          {result.detail ? describeResult(result.detail, t) : t("failed", { reason: result.message })}
        </p>
      )}
    </li>
  );
}

function PhoneNumberList({ numbers }: { numbers: NumberView[] }) {
  const t = useTranslations("webhooks.registration");
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold">{t("numbers")}</h3>
      {numbers.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("noNumbers")}</p>
      ) : (
        <ul className="text-sm" data-testid="numbers">
          {numbers.map((number) => (
            <li key={number.id} data-testid="number" className="flex flex-wrap gap-x-3 py-0.5">
              <span className="font-mono tabular-nums">{number.phoneNumber ?? "—"}</span>
              <span className="text-zinc-600 dark:text-zinc-400">{number.name}</span>
              <span className="text-zinc-500">→ {number.assistantName ?? (number.assistantId ? number.assistantId : t("noAssistant"))}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
