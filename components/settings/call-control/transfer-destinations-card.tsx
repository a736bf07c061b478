"use client";
// Admins keep where live calls may be transferred (a name, and an E.164 number or a SIP address) and whether
// supervisors may type another number. Changes go through /api/flireo/transfer-destinations and call-control.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/call-api";
import { Card, Notice, buttonClass, primaryButtonClass } from "@/components/ui/card";
import { Field, Switch, inputClass } from "@/components/ui/form-controls";
import { useBusyAction } from "@/components/ui/use-busy-action";
import type { TransferDestinationView } from "@/lib/shared/control/call-command";

export function TransferDestinationsCard({ destinations, allowTypedNumbers }: { destinations: TransferDestinationView[]; allowTypedNumbers: boolean }) {
  const router = useRouter();
  const { busy, error, run } = useBusyAction<"add" | "remove" | "typed">();
  const [name, setName] = useState("");
  const [destination, setDestination] = useState("");
  const t = useTranslations("callControl.destinations");
  const add = () =>
    run(async () => {
      await callApi("POST", "/api/flireo/transfer-destinations", { name, destination });
      setName("");
      setDestination("");
      router.refresh();
    }, "add");
  return (
    <Card id="transfer-destinations" title={t("title")}>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">{t("intro")}</p>
      <ul className="flex flex-col divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="destination-list">
        {destinations.length === 0 && <li className="py-2 text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</li>}
        {destinations.map((entry) => (
          <li key={entry.id} className="flex items-center justify-between gap-3 py-2" data-testid="destination">
            <span>
              <span className="font-medium">{entry.name}</span> <span className="font-mono text-sm text-zinc-600 dark:text-zinc-300">{entry.destination}</span>
            </span>
            <button type="button" className={buttonClass} disabled={busy !== null} onClick={() => void run(async () => (await callApi("DELETE", `/api/flireo/transfer-destinations/${entry.id}`), router.refresh()), "remove")}>
              {t("remove")}
            </button>
          </li>
        ))}
      </ul>
      <form className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" onSubmit={(event) => (event.preventDefault(), void add())}>
        <Field label={t("name")}>
          <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} placeholder={t("namePlaceholder")} className={inputClass} />
        </Field>
        <Field label={t("destination")}>
          <input value={destination} onChange={(event) => setDestination(event.target.value)} required placeholder="+31201234567" className={inputClass} />
        </Field>
        <button type="submit" disabled={busy !== null} className={primaryButtonClass}>{busy === "add" ? t("adding") : t("add")}</button>
      </form>
      <div className="flex items-center gap-3 text-sm">
        <Switch
          checked={allowTypedNumbers}
          label={t("allowTyped")}
          disabled={busy !== null}
          testId="allow-typed-numbers"
          onChange={(checked) => void run(async () => (await callApi("PUT", "/api/flireo/call-control", { allowTypedNumbers: checked }), router.refresh()), "typed")}
        />
        <span>{t("allowTypedHint")}</span>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
    </Card>
  );
}
