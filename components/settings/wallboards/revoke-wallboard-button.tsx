"use client";
// Revokes a wallboard link after a confirmation: its screens say so at once; the list is reloaded from the server.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callApi } from "@/components/ui/call-api";
import { buttonClass } from "@/components/ui/card";
import { useBusyAction } from "@/components/ui/use-busy-action";

export function RevokeWallboardButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("wallboards.revoke");
  const router = useRouter();
  const { busy, error, run } = useBusyAction();
  const isBusy = busy !== null;
  const revoke = () => {
    if (!window.confirm(t("confirm", { name }))) return;
    void run(async () => {
      await callApi("DELETE", `/api/wallboards/${encodeURIComponent(id)}`);
      router.refresh();
    });
  };
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button type="button" className={`${buttonClass} text-red-700 dark:text-red-400`} disabled={isBusy} onClick={revoke} aria-label={t("label", { name })} data-testid="revoke-wallboard">
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
