// Creating users, shared by the set-up page, the users page and `npm run user:create`; and Better Auth's refusals
// as Callboard's errors.
import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { ROLES } from "@/lib/shared/auth/roles";
import { ERROR_STATUS, type ErrorCode } from "@/lib/shared/http/error-shape";

export const newUserSchema = z.object({
  email: z.email("Enter a valid email address.").transform((email) => email.toLowerCase()),
  name: z.string().trim().max(100).optional().default(""),
  password: z.string().min(10, "The password needs at least 10 characters.").max(128, "The password may have at most 128 characters."),
  role: z.enum(ROLES, "The role must be admin, supervisor or viewer."),
});

export type NewUser = z.infer<typeof newUserSchema>;

const KEEPS_AN_ADMIN = /keeps at least one admin/;

/** Better Auth's errors carry a readable message; anything else is reported generically. */
export function describeAuthError(error: unknown, fallback = "Could not create the user."): string {
  if (error && typeof error === "object" && "body" in error) {
    const body = (error as { body?: { message?: unknown } }).body;
    if (typeof body?.message === "string") return body.message;
  }
  // The database's own refusal to leave Callboard without an admin (the keep_an_admin migration) says it well.
  if (error instanceof Error && KEEPS_AN_ADMIN.test(error.message)) return "Callboard keeps at least one admin: make another user an admin first.";
  return error instanceof Error ? error.message : fallback;
}

/** The code for a Better Auth refusal: its HTTP status read back through the table; the last-admin rule is the request's fault. */
function authErrorCode(error: unknown): ErrorCode {
  const status = error && typeof error === "object" && "statusCode" in error ? error.statusCode : null;
  const code = (Object.keys(ERROR_STATUS) as ErrorCode[]).find((candidate) => ERROR_STATUS[candidate] === status);
  if (code) return code;
  return error instanceof Error && KEEPS_AN_ADMIN.test(error.message) ? "unprocessable" : "internal";
}

/** A Better Auth call whose refusal becomes an ApiError, in the words describeAuthError gives it. */
export async function withAuthError<T>(call: Promise<T>, fallback?: string): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw new ApiError(authErrorCode(error), describeAuthError(error, fallback), { cause: error });
  }
}
