// A server action answers what it threw as { error: { code, message } }: the shape and code-to-status table of the
// route handlers (api-error.ts), so a form shows the same words a route would answer. Next's own control flow
// (redirect, notFound) passes through.
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ErrorShape } from "@/lib/shared/http/error-shape";
import { ApiError, errorBody, toApiError } from "./api-error";

export function actionError(error: unknown): ErrorShape {
  unstable_rethrow(error);
  return errorBody(toApiError(error)).error;
}

/** A form's fields through a zod schema; a mistake is "unprocessable", with the first problem's message. */
export function parseFormFields<T>(schema: z.ZodType<T>, fields: unknown, fallback = "Check the form."): T {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) throw new ApiError("unprocessable", parsed.error.issues[0]?.message ?? fallback);
  return parsed.data;
}
