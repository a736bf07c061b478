"use client";
// Adds a user (a server action); the list above is re-rendered by the action's revalidation.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addUser, type UsersFormState } from "@/lib/actions/user-actions";
import { Field, inputClass } from "@/components/ui/form-controls";
import { Notice, primaryButtonClass } from "@/components/ui/card";
import { toRole } from "@/lib/shared/auth/roles";

export function AddUserForm() {
  const [state, action, isPending] = useActionState<UsersFormState, FormData>(addUser, { error: null, message: null });
  const t = useTranslations("users.add");
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto_auto] lg:items-end" data-testid="add-user-form">
      <Field label={t("email")}>
        <input name="email" type="email" required autoComplete="off" defaultValue={state.entered?.email} className={inputClass} />
      </Field>
      <Field label={t("name")}>
        <input name="name" type="text" placeholder={t("namePlaceholder")} defaultValue={state.entered?.name} className={inputClass} />
      </Field>
      <Field label={t("password")}>
        <input name="password" type="password" autoComplete="new-password" minLength={10} required placeholder={t("passwordPlaceholder")} className={inputClass} />
      </Field>
      <Field label={t("role")}>
        {/* Keyed: React sets a select's default only when it mounts, and the form's reset goes back to it. */}
        <select key={state.entered?.role} name="role" defaultValue={toRole(state.entered?.role)} className={inputClass}>
          <option value="viewer">{t("roles.viewer")}</option>
          <option value="supervisor">{t("roles.supervisor")}</option>
          <option value="admin">{t("roles.admin")}</option>
        </select>
      </Field>
      <button type="submit" disabled={isPending} className={`${primaryButtonClass} py-2 sm:col-span-2 lg:col-span-1`}>
        {isPending ? t("adding") : t("submit")}
      </button>
      {state.error && (
        <div className="sm:col-span-2 lg:col-span-5">
          <Notice tone="error">{state.error.message}</Notice>
        </div>
      )}
      {state.message && (
        <div className="sm:col-span-2 lg:col-span-5">
          <Notice tone="success">{state.message}</Notice>
        </div>
      )}
    </form>
  );
}
