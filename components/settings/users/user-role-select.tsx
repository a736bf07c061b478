"use client";
// A user's role, changed after a confirmation (a server action): a slip of the arrow keys on a focused select must
// not make someone an admin. The user's next page load or API call runs with the new role.
import { useOptimistic, useState, useTransition } from "react";
import { changeRole } from "@/lib/actions/user-actions";
import type { Role } from "@/lib/shared/auth/roles";
import { inputClass } from "@/components/ui/form-controls";
import { tokensRevokedNote } from "./remove-user-button";

const CONFIRM: Record<Role, (email: string, liveApiTokens: number) => string> = {
  admin: (email) => `Make ${email} an admin? They can then change Callboard's webhook settings, secrets, alerts, API tokens and users.`,
  supervisor: (email, liveApiTokens) =>
    `Make ${email} a supervisor? They see the board, calls and export, and may end, transfer and speak into live calls; admin pages are closed to them.${tokensRevokedNote(liveApiTokens)}`,
  viewer: (email, liveApiTokens) => `Make ${email} a viewer? They keep the board, calls and export, and lose the admin pages and any call controls.${tokensRevokedNote(liveApiTokens)}`,
};

export function UserRoleSelect({ userId, email, role, liveApiTokens }: { userId: string; email: string; role: Role; liveApiTokens: number }) {
  const [isPending, startTransition] = useTransition();
  const [shownRole, setShownRole] = useOptimistic(role);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <select
        aria-label={`Role of ${email}`}
        value={shownRole}
        disabled={isPending}
        data-testid="user-role-select"
        className={`${inputClass} w-auto py-1 text-xs font-semibold`}
        onChange={(event) => {
          const next = event.target.value as Role;
          if (!window.confirm(CONFIRM[next](email, liveApiTokens))) return;
          const form = new FormData();
          form.set("userId", userId);
          form.set("role", next);
          setError(null);
          startTransition(async () => {
            setShownRole(next);
            const result = await changeRole(form);
            if (result.error) setError(result.error.message);
          });
        }}
      >
        <option value="viewer">Viewer</option>
        <option value="supervisor">Supervisor</option>
        <option value="admin">Admin</option>
      </select>
      {error && (
        <p role="alert" className="max-w-48 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
