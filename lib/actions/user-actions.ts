"use server";
// Admins add users, change their role, set a new password and remove them. proxy.ts already limits /settings to
// admins; each action checks again. Nobody changes their own role or removes themselves: that could leave no admin.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { describeAuthError, newUserSchema } from "@/lib/auth/create-user";
import { ROLES } from "@/lib/shared/auth/roles";
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";

/** `entered`: what was typed (not the password), to fill the form again after an error. */
export type UsersFormState = { error: string | null; message: string | null; entered?: { email: string; name: string; role: string } };

function enteredIn(form: FormData): UsersFormState["entered"] {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return { email: text("email"), name: text("name"), role: text("role") };
}

export async function addUser(_previous: UsersFormState, form: FormData): Promise<UsersFormState> {
  const requestHeaders = await headers();
  await requireAdmin(requestHeaders);
  const parsed = newUserSchema.safeParse({
    email: form.get("email"),
    name: form.get("name") ?? undefined,
    password: form.get("password"),
    role: form.get("role"),
  });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form.", message: null, entered: enteredIn(form) };
  const { email, name, password, role } = parsed.data;
  try {
    await appContext().auth.api.createUser({ body: { email, name: name || email, password, role }, headers: requestHeaders });
  } catch (error) {
    return { error: describeAuthError(error), message: null, entered: enteredIn(form) };
  }
  revalidatePath("/settings/users");
  return { error: null, message: `Added ${email} as ${role}.` };
}

export async function removeUser(form: FormData): Promise<void> {
  const requestHeaders = await headers();
  const admin = await requireAdmin(requestHeaders);
  const userIdValue = form.get("userId");
  const userId = typeof userIdValue === "string" ? userIdValue : "";
  // Removing yourself would lock the last admin out; another admin can do it.
  if (!userId || userId === admin.id) return;
  // Deleting the user deletes their sessions, which ends their live connections (see databaseHooks in auth.ts).
  await appContext().auth.api.removeUser({ body: { userId }, headers: requestHeaders });
  revalidatePath("/settings/users");
}

function textIn(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export type RoleChangeState = { error: string | null };

export async function changeRole(form: FormData): Promise<RoleChangeState> {
  const requestHeaders = await headers();
  const admin = await requireAdmin(requestHeaders);
  const userId = textIn(form, "userId");
  const role = ROLES.find((known) => known === textIn(form, "role"));
  if (!userId || !role) return { error: "Pick a user and a role." };
  if (userId === admin.id) return { error: "Another admin can change your role." };
  try {
    // Takes effect with the user's next page load or API call, which read the role afresh.
    await appContext().auth.api.setRole({ body: { userId, role }, headers: requestHeaders });
  } catch (error) {
    // Among others, the database refusing to demote the last admin (two admins demoting each other at once).
    return { error: describeAuthError(error, "Could not change the role.") };
  }
  revalidatePath("/settings/users");
  return { error: null };
}

export type PasswordFormState = { error: string | null; message: string | null };

/** Whether `password` is the user's current one (Better Auth's own hash check on their credential account). */
async function isCurrentPassword(userId: string, password: string): Promise<boolean> {
  const account = await appContext().prisma.account.findFirst({ where: { userId, providerId: "credential" }, select: { password: true } });
  if (!account?.password) return false;
  const context = await appContext().auth.$context;
  return context.password.verify({ hash: account.password, password });
}

export async function setPassword(_previous: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const requestHeaders = await headers();
  const admin = await requireAdmin(requestHeaders);
  const userId = textIn(form, "userId");
  const isSelf = userId === admin.id;
  const parsed = newUserSchema.shape.password.safeParse(form.get("password"));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the password.", message: null };
  if (!userId) return { error: "Pick a user.", message: null };
  // Your own password takes the current one too: a session left open somewhere must not be enough to take the account.
  if (isSelf && !(await isCurrentPassword(userId, textIn(form, "currentPassword")))) {
    return { error: "Your current password is not right.", message: null };
  }
  try {
    await appContext().auth.api.setUserPassword({ body: { userId, newPassword: parsed.data }, headers: requestHeaders });
  } catch (error) {
    return { error: describeAuthError(error, "Could not set the password."), message: null };
  }
  try {
    // Whoever knew the old password is signed out, on every device (but the admin's own session here).
    if (isSelf) await appContext().auth.api.revokeOtherSessions({ headers: requestHeaders });
    else await appContext().auth.api.revokeUserSessions({ body: { userId }, headers: requestHeaders });
  } catch (error) {
    return {
      error: `The password is set, but signing out the sessions that used the old one failed (${describeAuthError(error, "unknown error")}): set it again to retry.`,
      message: null,
    };
  }
  return {
    error: null,
    message: isSelf ? "Password set. Your other sessions were signed out." : "Password set. They were signed out everywhere; give them the new password.",
  };
}
