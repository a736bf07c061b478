"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createFirstAdmin, type SetupState } from "@/lib/actions/setup-actions";

const INPUT = "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-zinc-500 focus:ring-2 focus:ring-zinc-500/20 dark:border-zinc-700 dark:bg-zinc-900";

export function SetupForm() {
  const t = useTranslations("signIn");
  const [state, action, isPending] = useActionState<SetupState, FormData>(createFirstAdmin, { error: null });
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="setup-form">
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("email")}
        <input name="email" type="email" autoComplete="username" required className={INPUT} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("setup.name")}
        <input name="name" type="text" autoComplete="name" className={INPUT} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("setup.password")}
        <input name="password" type="password" autoComplete="new-password" minLength={10} required className={INPUT} />
      </label>
      {state.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error.message}
        </p>
      )}
      <button type="submit" disabled={isPending} className="rounded-lg bg-zinc-900 px-4 py-2 font-medium text-white disabled:opacity-60 dark:bg-white dark:text-zinc-900">
        {isPending ? t("setup.creating") : t("setup.create")}
      </button>
    </form>
  );
}
