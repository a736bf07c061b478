// /settings/users – admins add people, see who can sign in and with which role, change roles, set new passwords
// and remove people.
import { toHeaderUser } from "@/components/header/app-header";
import { LocalTime } from "@/components/ui/time-zone";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { appContext } from "@/lib/context/current";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { AddUserForm } from "@/components/settings/users/add-user-form";
import { AdminPageHeader } from "@/components/settings/admin-page-header";
import { RemoveUserButton } from "@/components/settings/users/remove-user-button";
import { SetPasswordForm } from "@/components/settings/users/set-password-form";
import { UserRoleSelect } from "@/components/settings/users/user-role-select";
import { SettingsTableHead, settingsRowClass } from "@/components/settings/settings-table";
import { Card } from "@/components/ui/card";
import { getSessionUser } from "@/lib/context/session";
import { listUsers } from "@/lib/auth/users";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("pageTitle") };
}

const ROLE_BADGE = {
  admin: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  supervisor: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  viewer: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
} as const;

export default async function UsersPage() {
  const me = await getSessionUser(await headers());
  // proxy.ts sends viewers a 403 before this runs; this is the second line.
  if (me?.role !== "admin") notFound();
  const users = await listUsers(appContext().prisma);
  const admins = users.filter((user) => user.role === "admin").length;
  const t = await getTranslations("users");
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6 lg:px-8">
      <AdminPageHeader title={t("title")} user={toHeaderUser(me)} />
      <main className="flex flex-col gap-6">
        <Card id="add-user" title={t("add.title")}>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("add.intro")}</p>
          <AddUserForm />
        </Card>
        <Card
          id="users"
          title={t("title")}
          aside={<span className="text-sm text-zinc-500 dark:text-zinc-400">{t("count", { users: users.length, admins })}</span>}
        >
          <div className="-mx-5 -my-4 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="users-table">
              {/* On a phone each user is a small block (name, then role and actions), without the column names. */}
              <SettingsTableHead columns={[{ label: t("columns.user") }, { label: t("columns.role") }, { label: t("columns.added"), className: "hidden sm:table-cell" }, { label: t("columns.lastSignIn"), className: "hidden sm:table-cell" }]} className="hidden sm:table-header-group" />
              <tbody>
                {users.map((user) => {
                  return (
                    <tr key={user.id} data-testid="user-row" className={`${settingsRowClass} flex flex-wrap items-start gap-2 px-5 py-3 align-middle sm:table-row sm:p-0`}>
                      <td className="basis-full break-all sm:min-w-56 sm:basis-auto sm:px-5 sm:py-3 sm:break-normal">
                        <div className="font-medium">
                          {user.name}
                          {user.id === me.id && <span className="ml-2 text-xs font-normal text-zinc-500 dark:text-zinc-400">{t("you")}</span>}
                        </div>
                        {user.name !== user.email && <div className="text-xs text-zinc-500 dark:text-zinc-400">{user.email}</div>}
                        {user.liveApiTokens > 0 && (
                          <div className="text-xs text-amber-800 dark:text-amber-300" data-testid="user-api-tokens">
                            {t("liveTokens", { count: user.liveApiTokens })}
                          </div>
                        )}
                      </td>
                      <td className="py-1 sm:px-3 sm:py-3">
                        {user.id === me.id ? (
                          <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${ROLE_BADGE[user.role]}`} data-testid="user-role" title={t("ownRole")}>
                            {t(`roleNames.${user.role}`)}
                          </span>
                        ) : (
                          <UserRoleSelect userId={user.id} email={user.email} role={user.role} liveApiTokens={user.liveApiTokens} />
                        )}
                      </td>
                      <td className="hidden px-3 py-3 whitespace-nowrap tabular-nums sm:table-cell"><LocalTime iso={user.createdAt} format="day" /></td>
                      <td className="hidden px-3 py-3 whitespace-nowrap tabular-nums sm:table-cell" data-testid="user-last-sign-in"><LocalTime iso={user.lastSignInAt} format="day-time" empty={t("notSignedIn")} /></td>
                      <td className="ml-auto sm:ml-0 sm:px-5 sm:py-3">
                        <div className="flex flex-wrap items-start justify-end gap-2">
                          <SetPasswordForm userId={user.id} email={user.email} isSelf={user.id === me.id} />
                          {user.id === me.id ? (
                            <span className="hidden py-1.5 text-xs text-zinc-500 sm:inline dark:text-zinc-400">{t("ownRemoval")}</span>
                          ) : (
                            <RemoveUserButton userId={user.id} email={user.email} liveApiTokens={user.liveApiTokens} />
                          )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      </main>
    </div>
  );
}
