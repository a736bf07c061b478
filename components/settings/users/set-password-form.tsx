"use client";
// Sets a new password for a user, from the users page: for someone who forgot theirs, or whose password leaked.
// It signs them out everywhere, so whoever knew the old one is out at once.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setPassword, type PasswordFormState } from "@/lib/actions/user-actions";
import { inputClass } from "@/components/ui/form-controls";
import { buttonClass, Notice } from "@/components/ui/card";

export function SetPasswordForm({ userId, email, isSelf }: { userId: string; email: string; isSelf: boolean }) {
  const [state, action, isPending] = useActionState<PasswordFormState, FormData>(setPassword, { error: null, message: null });
  const t = useTranslations("users.password");
  return (
    <details className="group text-left" data-testid="set-password">
      <summary className={`${buttonClass} cursor-pointer list-none`}>
        <span className="group-open:hidden">
          {t.rich("open", { email, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
        </span>
        <span className="hidden group-open:inline">{t("cancel")}</span>
      </summary>
      <form action={action} className="mt-2 flex w-64 flex-col gap-2 sm:w-72">
        <input type="hidden" name="userId" value={userId} />
        {isSelf && (
          <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            {t("current")}
            <input name="currentPassword" type="password" autoComplete="current-password" required className={`${inputClass} mt-1`} />
          </label>
        )}
        <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {t("new", { email })}
          <input name="password" type="password" autoComplete="new-password" minLength={10} required placeholder={t("placeholder")} className={`${inputClass} mt-1`} />
        </label>
        <button type="submit" disabled={isPending} className={buttonClass}>
          {isPending ? t("setting") : isSelf ? t("setMine") : t("setTheirs")}
        </button>
        {state.error && <Notice tone="error">{state.error.message}</Notice>}
        {state.message && <Notice tone="success">{state.message}</Notice>}
      </form>
    </details>
  );
}
