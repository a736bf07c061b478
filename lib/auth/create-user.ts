// Creating users, shared by the set-up page, the users page and `npm run user:create`.
import { z } from "zod";
import { ROLES } from "@/lib/shared/auth/roles";

export const newUserSchema = z.object({
  email: z.email("Enter a valid email address.").transform((email) => email.toLowerCase()),
  name: z.string().trim().max(100).optional().default(""),
  password: z.string().min(10, "The password needs at least 10 characters.").max(128, "The password may have at most 128 characters."),
  role: z.enum(ROLES, "The role must be admin or viewer."),
});

export type NewUser = z.infer<typeof newUserSchema>;

/** Better Auth's errors carry a readable message; anything else is reported generically. */
export function describeAuthError(error: unknown, fallback = "Could not create the user."): string {
  if (error && typeof error === "object" && "body" in error) {
    const body = (error as { body?: { message?: unknown } }).body;
    if (typeof body?.message === "string") return body.message;
  }
  // The database's own refusal to leave Callboard without an admin (the keep_an_admin migration) says it well.
  if (error instanceof Error && /keeps at least one admin/.test(error.message)) return "Callboard keeps at least one admin: make another user an admin first.";
  return error instanceof Error ? error.message : fallback;
}
