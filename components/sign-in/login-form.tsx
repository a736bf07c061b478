"use client";
// Email + password sign-in. Wrong passwords and rate limiting come back as Better Auth errors with a status.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { adoptStoredLocale } from "@/lib/actions/locale-actions";
import { authClient } from "@/lib/shared/auth/auth-client";

const INPUT = "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-zinc-500 focus:ring-2 focus:ring-zinc-500/20 dark:border-zinc-700 dark:bg-zinc-900";

export function LoginForm({ nextPath }: { nextPath: string }) {
  const t = useTranslations("signIn");
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({
      email: form.get("email") as string,
      password: form.get("password") as string,
    });
    setIsPending(false);
    if (!failure) {
      // The language this user chose before, on any browser: the page after sign-in is already in it.
      await adoptStoredLocale().catch(() => undefined);
      window.location.assign(nextPath);
      return;
    }
    // Better Auth's own words only for a refusal Callboard has none for, and only in English.
    setError(failure.status === 429 ? t("errors.tooMany") : failure.status === 401 ? t("errors.noMatch") : t("errors.failed"));
  }

  return (
    <form onSubmit={(event) => void signIn(event)} className="flex flex-col gap-4" data-testid="login-form">
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("email")}
        <input name="email" type="email" autoComplete="username" required className={INPUT} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("password")}
        <input name="password" type="password" autoComplete="current-password" required className={INPUT} />
      </label>
      {error && (
        <p role="alert" data-testid="login-error" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <button type="submit" disabled={isPending} className="rounded-lg bg-zinc-900 px-4 py-2 font-medium text-white disabled:opacity-60 dark:bg-white dark:text-zinc-900">
        {isPending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
