"use client";
// Revokes a token after a confirmation; the list is reloaded from the server.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { callApi } from "@/components/ui/call-api";
import { buttonClass } from "@/components/ui/card";
import { useBusyAction } from "@/components/ui/use-busy-action";

export function RevokeApiTokenButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const { busy, error, run } = useBusyAction();
  const isBusy = busy !== null;
  const t = useTranslations("apiTokens.revoke");
  const revoke = () => {
    if (!window.confirm(t("confirm", { name }))) return;
    void run(async () => {
      await callApi("POST", `/api/api-tokens/${encodeURIComponent(id)}/revoke`);
      router.refresh();
    });
  };
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button type="button" className={`${buttonClass} text-red-700 dark:text-red-400`} disabled={isBusy} onClick={revoke} aria-label={t("label", { name })} data-testid="revoke-api-token">
        {isBusy ? t("revoking") : t("revoke")}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}
