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

/** What removing or demoting revokes besides, as the confirmation says it ("" when nothing). */
export function tokensRevokedNote(liveApiTokens: number): string {
  if (liveApiTokens === 0) return "";
  return ` The ${liveApiTokens === 1 ? "API token" : `${liveApiTokens} API tokens`} they made ${liveApiTokens === 1 ? "is" : "are"} revoked too: integrations using ${liveApiTokens === 1 ? "it" : "them"} stop working.`;
}

export function RemoveUserButton({ userId, email, liveApiTokens }: { userId: string; email: string; liveApiTokens: number }) {
  return (
    <form
      action={removeUser}
      onSubmit={(event) => {
        const message = `Remove ${email}? They are signed out everywhere at once; add them again to let them back in.${tokensRevokedNote(liveApiTokens)}`;
        if (!window.confirm(message)) event.preventDefault();
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton email={email} />
    </form>
  );
}
