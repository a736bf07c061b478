"use client";
// Email + password sign-in. Wrong passwords and rate limiting come back as Better Auth errors with a status.
import { useState, type FormEvent } from "react";
import { adoptStoredLocale } from "@/lib/actions/locale-actions";
import { authClient } from "@/lib/shared/auth/auth-client";

const INPUT = "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-zinc-500 focus:ring-2 focus:ring-zinc-500/20 dark:border-zinc-700 dark:bg-zinc-900";

export function LoginForm({ nextPath }: { nextPath: string }) {
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
    setError(
      failure.status === 429
        ? "Too many sign-in attempts. Wait a minute and try again."
        : failure.status === 401
          ? "That email and password do not match an account."
          : (failure.message ?? "Sign-in failed; try again."),
    );
  }

  return (
    <form onSubmit={(event) => void signIn(event)} className="flex flex-col gap-4" data-testid="login-form">
      <label className="flex flex-col gap-1 text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="username" required className={INPUT} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={INPUT} />
      </label>
      {error && (
        <p role="alert" data-testid="login-error" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <button type="submit" disabled={isPending} className="rounded-lg bg-zinc-900 px-4 py-2 font-medium text-white disabled:opacity-60 dark:bg-white dark:text-zinc-900">
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
