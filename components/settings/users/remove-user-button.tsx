"use client";
// Removes a user after a confirmation: it ends their sessions and live boards at once, and cannot be undone.
import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import { removeUser } from "@/lib/actions/user-actions";
import { buttonClass } from "@/components/ui/card";

function SubmitButton({ email }: { email: string }) {
  const { pending } = useFormStatus();
  const t = useTranslations("users.remove");
  return (
    <button type="submit" disabled={pending} aria-label={t("label", { email })} className={`${buttonClass} text-red-700 dark:text-red-400`}>
      {pending ? t("removing") : t("remove")}
    </button>
  );
}

export function RemoveUserButton({ userId, email, liveApiTokens }: { userId: string; email: string; liveApiTokens: number }) {
  const t = useTranslations("users.remove");
  return (
    <form
      action={removeUser}
      onSubmit={(event) => {
        // What removing revokes besides: the API tokens they made ("" when none).
        if (!window.confirm(t("confirm", { email, tokens: liveApiTokens }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton email={email} />
    </form>
  );
}
