"use server";
// The first-run set-up's action: creates the first admin, and only while there is none.
import { redirect } from "next/navigation";
import { appContext } from "@/lib/context/current";
import { describeAuthError, newUserSchema } from "@/lib/auth/create-user";
import { hasAdmin } from "@/lib/auth/users";

export type SetupState = { error: string | null };

// One process serves Callboard: chaining set-ups keeps two simultaneous submissions from both creating an admin.
let queue: Promise<unknown> = Promise.resolve();

export async function createFirstAdmin(_previous: SetupState, form: FormData): Promise<SetupState> {
  const parsed = newUserSchema.safeParse({
    email: form.get("email"),
    name: form.get("name") ?? undefined,
    password: form.get("password"),
    role: "admin",
  });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form." };
  const input = parsed.data;

  const attempt = queue.then(async (): Promise<SetupState> => {
    if (await hasAdmin(appContext().prisma)) return { error: "Set-up is already done: sign in instead." };
    try {
      await appContext().auth.api.createUser({ body: { email: input.email, name: input.name || input.email, password: input.password, role: "admin" } });
      return { error: null };
    } catch (error) {
      return { error: describeAuthError(error) };
    }
  });
  queue = attempt.catch(() => undefined);
  const result = await attempt;
  if (result.error) return result;
  redirect("/login?created=1");
}
