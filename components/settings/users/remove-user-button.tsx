"use client";
// Removes a user after a confirmation: it ends their sessions and live boards at once, and cannot be undone.
import { useFormStatus } from "react-dom";
import { removeUser } from "@/lib/actions/user-actions";
import { buttonClass } from "@/components/ui/card";

function SubmitButton({ email }: { email: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-label={`Remove ${email}`} className={`${buttonClass} text-red-700 dark:text-red-400`}>
      {pending ? "Removing…" : "Remove"}
    </button>
  );
}

export function RemoveUserButton({ userId, email }: { userId: string; email: string }) {
  return (
    <form
      action={removeUser}
      onSubmit={(event) => {
        if (!window.confirm(`Remove ${email}? They are signed out everywhere at once; add them again to let them back in.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton email={email} />
    </form>
  );
}
