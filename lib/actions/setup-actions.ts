"use server";
// The first-run set-up's action: creates the first admin, and only while there is none.
import { redirect } from "next/navigation";
import { appContext } from "@/lib/context/current";
import { newUserSchema, withAuthError } from "@/lib/auth/create-user";
import { hasAdmin } from "@/lib/auth/users";
import { ApiError } from "@/lib/http/api-error";
import { actionError, actionLocale, parseFormFields } from "@/lib/http/action-error";
import { translatorFor } from "@/lib/http/error-text";
import type { ErrorShape } from "@/lib/shared/http/error-shape";

export type SetupState = { error: ErrorShape | null };

// One process serves Callboard: chaining set-ups keeps two simultaneous submissions from both creating an admin.
let queue: Promise<unknown> = Promise.resolve();

const t = translatorFor("errors");
const ADMIN_FIELDS = { email: t("fields.email"), name: t("fields.name"), password: t("fields.password") };

export async function createFirstAdmin(_previous: SetupState, form: FormData): Promise<SetupState> {
  try {
    const input = parseFormFields(newUserSchema, {
      email: form.get("email"),
      name: form.get("name") ?? undefined,
      password: form.get("password"),
      role: "admin",
    }, undefined, ADMIN_FIELDS);
    const attempt = queue.then(async () => {
      if (await hasAdmin(appContext().prisma)) throw new ApiError("forbidden", t("users.setupDone"));
      await withAuthError(appContext().auth.api.createUser({ body: { email: input.email, name: input.name || input.email, password: input.password, role: "admin" } }));
    });
    queue = attempt.catch(() => undefined);
    await attempt;
  } catch (error) {
    return { error: actionError(error, await actionLocale()) };
  }
  redirect("/login?created=1");
}
