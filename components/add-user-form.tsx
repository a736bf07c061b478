"use client";
import { useActionState } from "react";
import { addUser, type UsersFormState } from "@/app/settings/users/actions";

const INPUT = "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-zinc-500 dark:border-zinc-700 dark:bg-zinc-900";

export function AddUserForm() {
  const [state, action, isPending] = useActionState<UsersFormState, FormData>(addUser, { error: null, message: null });
  return (
    <form action={action} className="grid gap-3 rounded-xl border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800" data-testid="add-user-form">
      <h2 className="text-lg font-semibold sm:col-span-2">Add a user</h2>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Email
        <input name="email" type="email" required className={INPUT} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Name
        <input name="name" type="text" className={INPUT} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Password (at least 10 characters)
        <input name="password" type="password" autoComplete="new-password" minLength={10} required className={INPUT} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Role
        <select name="role" defaultValue="viewer" className={INPUT}>
          <option value="viewer">viewer – board, calls, export</option>
          <option value="admin">admin – also settings, secrets, users</option>
        </select>
      </label>
      {state.error && <p role="alert" className="text-sm text-red-700 sm:col-span-2 dark:text-red-400">{state.error}</p>}
      {state.message && <p role="status" className="text-sm text-emerald-700 sm:col-span-2">{state.message}</p>}
      <button type="submit" disabled={isPending} className="rounded-lg bg-zinc-900 px-4 py-2 font-medium text-white sm:col-span-2 disabled:opacity-60 dark:bg-white dark:text-zinc-900">
        {isPending ? "Adding…" : "Add user"}
      </button>
    </form>
  );
}
