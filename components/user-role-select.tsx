"use client";
// A user's role, changed on the spot (a server action); the user's next request runs with the new role.
import { useTransition } from "react";
import { changeRole } from "@/app/settings/users/actions";
import type { Role } from "@/lib/auth/roles";
import { inputClass } from "@/components/alerts/form-controls";

export function UserRoleSelect({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const [isPending, startTransition] = useTransition();
  return (
    <select
      aria-label={`Role of ${email}`}
      value={role}
      disabled={isPending}
      data-testid="user-role-select"
      className={`${inputClass} w-auto py-1 text-xs font-semibold`}
      onChange={(event) => {
        const form = new FormData();
        form.set("userId", userId);
        form.set("role", event.target.value);
        startTransition(() => changeRole(form));
      }}
    >
      <option value="viewer">Viewer</option>
      <option value="admin">Admin</option>
    </select>
  );
}
