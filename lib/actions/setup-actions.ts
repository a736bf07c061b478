"use server";
// The first-run set-up's action: creates the first admin, and only while there is none.
import { redirect } from "next/navigation";
import { appContext } from "@/lib/context/current";
import { newUserSchema, withAuthError } from "@/lib/auth/create-user";
import { hasAdmin } from "@/lib/auth/users";
import { ApiError } from "@/lib/http/api-error";
import { actionError, parseFormFields } from "@/lib/http/action-error";
import type { ErrorShape } from "@/lib/shared/http/error-shape";

export type SetupState = { error: ErrorShape | null };

// One process serves Callboard: chaining set-ups keeps two simultaneous submissions from both creating an admin.
let queue: Promise<unknown> = Promise.resolve();

export async function createFirstAdmin(_previous: SetupState, form: FormData): Promise<SetupState> {
  try {
    const input = parseFormFields(newUserSchema, {
      email: form.get("email"),
      name: form.get("name") ?? undefined,
      password: form.get("password"),
      role: "admin",
    });
    const attempt = queue.then(async () => {
      if (await hasAdmin(appContext().prisma)) throw new ApiError("forbidden", "Set-up is already done: sign in instead.");
      await withAuthError(appContext().auth.api.createUser({ body: { email: input.email, name: input.name || input.email, password: input.password, role: "admin" } }));
    });
    queue = attempt.catch(() => undefined);
    await attempt;
  } catch (error) {
    return { error: actionError(error) };
  }
  redirect("/login?created=1");
}
