// Creating users, shared by the set-up page, the users page and `npm run user:create`; and Better Auth's refusals
// as Callboard's errors.
import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { translateError, translatorFor, type ErrorKey, type ErrorText } from "@/lib/http/error-text";
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

const t = translatorFor("errors");

/** Better Auth's refusals people meet on the users and set-up pages, by Better Auth's code, in their own words. */
const AUTH_ERROR_KEYS: Record<string, ErrorKey> = {
  USER_ALREADY_EXISTS: "users.userExists",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "users.userExists",
  PASSWORD_TOO_SHORT: "users.passwordTooShort",
  PASSWORD_TOO_LONG: "users.passwordTooLong",
  INVALID_EMAIL: "users.invalidEmail",
};

/** describeAuthError's words as a message: Better Auth's or the database's English, Callboard's words elsewhere. */
function authErrorText(error: unknown, fallback: ErrorText): ErrorText {
  const english = describeAuthError(error, translateError(fallback));
  const code = error && typeof error === "object" && "body" in error ? (error as { body?: { code?: unknown } }).body?.code : undefined;
  const key = typeof code === "string" ? AUTH_ERROR_KEYS[code] : undefined;
  if (key) return t(key, undefined, english);
  if (error instanceof Error && KEEPS_AN_ADMIN.test(error.message)) return t("users.keepAnAdmin");
  if (english === translateError(fallback)) return fallback;
  // A refusal Callboard has no words for stays in Better Auth's.
  return t("users.authRefusal", { reason: english }, english);
}

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

/** A Better Auth call whose refusal becomes an ApiError, in the words describeAuthError gives it (English). */
export async function withAuthError<T>(call: Promise<T>, fallback: ErrorText = t("users.couldNotCreate")): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw new ApiError(authErrorCode(error), authErrorText(error, fallback), { cause: error });
  }
}
