"use server";
// Admins add users, change their role, set a new password and remove them. proxy.ts already limits /settings to
// admins; each action checks again. Nobody changes their own role or removes themselves: that could leave no admin.
// A refusal is answered as { error: { code, message } } (lib/http/action-error.ts).
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { creditApiTokenRevocation, listLiveApiTokenIdsOf } from "@/lib/api-tokens/api-tokens";
import { appContext } from "@/lib/context/current";
import { newUserSchema, withAuthError } from "@/lib/auth/create-user";
import { ROLES } from "@/lib/shared/auth/roles";
import { requireAdmin } from "@/lib/context/session";
import { ApiError } from "@/lib/http/api-error";
import { actionError, actionLocale, parseFormFields } from "@/lib/http/action-error";
import { translatorFor } from "@/lib/http/error-text";
import type { ErrorShape } from "@/lib/shared/http/error-shape";

const t = translatorFor("errors");

/** The new user's fields by the names the form shows them under, for messages in other languages than English. */
const USER_FIELDS = { email: t("fields.email"), name: t("fields.name"), password: t("fields.password"), role: t("fields.role") };

/** `entered`: what was typed (not the password), to fill the form again after an error. */
export type UsersFormState = { error: ErrorShape | null; message: string | null; entered?: { email: string; name: string; role: string } };

function textIn(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function enteredIn(form: FormData): UsersFormState["entered"] {
  return { email: textIn(form, "email"), name: textIn(form, "name"), role: textIn(form, "role") };
}

export async function addUser(_previous: UsersFormState, form: FormData): Promise<UsersFormState> {
  try {
    const requestHeaders = await headers();
    await requireAdmin(requestHeaders);
    const { email, name, password, role } = parseFormFields(newUserSchema, {
      email: form.get("email"),
      name: form.get("name") ?? undefined,
      password: form.get("password"),
      role: form.get("role"),
    }, undefined, USER_FIELDS);
    await withAuthError(appContext().auth.api.createUser({ body: { email, name: name || email, password, role }, headers: requestHeaders }));
    revalidatePath("/settings/users");
    const said = await getTranslations("users");
    return { error: null, message: said("added", { email, role: said(`roleWords.${role}`) }) };
  } catch (error) {
    return { error: actionError(error, await actionLocale()), message: null, entered: enteredIn(form) };
  }
}

export async function removeUser(form: FormData): Promise<void> {
  const requestHeaders = await headers();
  const admin = await requireAdmin(requestHeaders);
  const userId = textIn(form, "userId");
  // Removing yourself would lock the last admin out; another admin can do it.
  if (!userId || userId === admin.id) return;
  // Deleting the user deletes their sessions, which ends their live connections (see databaseHooks in auth.ts), and
  // revokes the API tokens they made (a database trigger).
  const tokenIds = await listLiveApiTokenIdsOf(appContext().prisma, userId);
  await appContext().auth.api.removeUser({ body: { userId }, headers: requestHeaders });
  await creditApiTokenRevocation(appContext().prisma, tokenIds, admin.id);
  revalidatePath("/settings/users");
}

export type RoleChangeState = { error: ErrorShape | null };

export async function changeRole(form: FormData): Promise<RoleChangeState> {
  try {
    const requestHeaders = await headers();
    const admin = await requireAdmin(requestHeaders);
    const userId = textIn(form, "userId");
    const role = ROLES.find((known) => known === textIn(form, "role"));
    if (!userId || !role) throw new ApiError("unprocessable", t("users.pickUserAndRole"));
    if (userId === admin.id) throw new ApiError("forbidden", t("users.ownRole"));
    // Takes effect with the user's next page load or API call, which read the role afresh. Among the refusals: the
    // database refusing to demote the last admin (two admins demoting each other at once). A demoted admin's API
    // tokens are revoked with the change (a database trigger).
    const tokenIds = role === "admin" ? [] : await listLiveApiTokenIdsOf(appContext().prisma, userId);
    await withAuthError(appContext().auth.api.setRole({ body: { userId, role }, headers: requestHeaders }), t("users.couldNotChangeRole"));
    await creditApiTokenRevocation(appContext().prisma, tokenIds, admin.id);
    revalidatePath("/settings/users");
    return { error: null };
  } catch (error) {
    return { error: actionError(error, await actionLocale()) };
  }
}

export type PasswordFormState = { error: ErrorShape | null; message: string | null };

/** Whether `password` is the user's current one (Better Auth's own hash check on their credential account). */
async function isCurrentPassword(userId: string, password: string): Promise<boolean> {
  const account = await appContext().prisma.account.findFirst({ where: { userId, providerId: "credential" }, select: { password: true } });
  if (!account?.password) return false;
  const context = await appContext().auth.$context;
  return context.password.verify({ hash: account.password, password });
}

/** Whoever knew the old password is signed out, on every device (but the admin's own session here). */
async function signOutOldSessions(userId: string, isSelf: boolean, requestHeaders: Headers): Promise<void> {
  try {
    if (isSelf) await withAuthError(appContext().auth.api.revokeOtherSessions({ headers: requestHeaders }), t("users.unknownError"));
    else await withAuthError(appContext().auth.api.revokeUserSessions({ body: { userId }, headers: requestHeaders }), t("users.unknownError"));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError(error.code, t("users.signOutFailed", { reason: error.text ?? error.message }), { cause: error });
  }
}

export async function setPassword(_previous: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  try {
    const requestHeaders = await headers();
    const admin = await requireAdmin(requestHeaders);
    const userId = textIn(form, "userId");
    const isSelf = userId === admin.id;
    const password = parseFormFields(newUserSchema.shape.password, form.get("password"), t("validation.checkPassword"), { "": t("fields.password") });
    if (!userId) throw new ApiError("unprocessable", t("users.pickUser"));
    // Your own password takes the current one too: a session left open somewhere must not be enough to take the account.
    if (isSelf && !(await isCurrentPassword(userId, textIn(form, "currentPassword")))) {
      throw new ApiError("forbidden", t("users.wrongCurrentPassword"));
    }
    await withAuthError(appContext().auth.api.setUserPassword({ body: { userId, newPassword: password }, headers: requestHeaders }), t("users.couldNotSetPassword"));
    await signOutOldSessions(userId, isSelf, requestHeaders);
    const said = await getTranslations("users");
    return { error: null, message: isSelf ? said("passwordSetSelf") : said("passwordSetOther") };
  } catch (error) {
    return { error: actionError(error, await actionLocale()), message: null };
  }
}
