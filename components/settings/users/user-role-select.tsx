"use client";
// A user's role, changed after a confirmation (a server action): a slip of the arrow keys on a focused select must
// not make someone an admin. The user's next page load or API call runs with the new role.
import { useTranslations } from "next-intl";
import { useOptimistic, useState, useTransition } from "react";
import { changeRole } from "@/lib/actions/user-actions";
import type { Role } from "@/lib/shared/auth/roles";
import { inputClass } from "@/components/ui/form-controls";

export function UserRoleSelect({ userId, email, role, liveApiTokens }: { userId: string; email: string; role: Role; liveApiTokens: number }) {
  const [isPending, startTransition] = useTransition();
  const [shownRole, setShownRole] = useOptimistic(role);
  const [error, setError] = useState<string | null>(null);
  const t = useTranslations("users");
  return (
    <div className="flex flex-col gap-1">
      <select
        aria-label={t("roleOf", { email })}
        value={shownRole}
        disabled={isPending}
        data-testid="user-role-select"
        className={`${inputClass} w-auto py-1 text-xs font-semibold`}
        onChange={(event) => {
          const next = event.target.value as Role;
          if (!window.confirm(t(`confirmRole.${next}`, { email, tokens: liveApiTokens }))) return;
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
        <option value="viewer">{t("roleNames.viewer")}</option>
        <option value="supervisor">{t("roleNames.supervisor")}</option>
        <option value="admin">{t("roleNames.admin")}</option>
      </select>
      {error && (
        <p role="alert" className="max-w-48 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
