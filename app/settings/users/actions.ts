"use server";
// Admins add and remove users. proxy.ts already limits /settings to admins; each action checks again.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getAuth } from "@/lib/auth/auth";
import { describeAuthError, newUserSchema } from "@/lib/auth/create-user";
import { requireAdmin } from "@/lib/auth/session";

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
    await getAuth().api.createUser({ body: { email, name: name || email, password, role }, headers: requestHeaders });
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
  await getAuth().api.removeUser({ body: { userId }, headers: requestHeaders });
  revalidatePath("/settings/users");
}
