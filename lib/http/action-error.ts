// A server action answers what it threw as { error: { code, message } }: the shape and code-to-status table of the
// route handlers (api-error.ts), so a form shows the same words a route would answer. Next's own control flow
// (redirect, notFound) passes through. The message is in the language of the page that sent the form (`locale`,
// from actionLocale()).
import { cookies, headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ErrorShape } from "@/lib/shared/http/error-shape";
import { LOCALE_COOKIE, type Locale } from "@/lib/shared/i18n/locales";
import { pickLocale } from "@/lib/i18n/pick-locale";
import { ApiError, errorBody, toApiError } from "./api-error";
import { translatorFor, type ErrorText } from "./error-text";
import { describeIssueText, type FieldNames } from "./issue-text";

const t = translatorFor("errors");

export function actionError(error: unknown, locale?: Locale): ErrorShape {
  unstable_rethrow(error);
  return errorBody(toApiError(error), locale).error;
}

/** The language of the request a server action answers: the same choice as its page's (lib/i18n/pick-locale.ts). */
export async function actionLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
}

/**
 * A form's fields through a zod schema; a mistake is "unprocessable", with the first problem's message: the schema's
 * own words in English, the problem and the field's name (`names`) in other languages.
 */
export function parseFormFields<T>(schema: z.ZodType<T>, fields: unknown, fallback: ErrorText = t("validation.checkForm"), names: FieldNames = {}): T {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError("unprocessable", issue ? { ...describeIssueText(issue, names), english: issue.message } : fallback);
  }
  return parsed.data;
}
