// Reads a JSON request body and validates it, turning mistakes into 400/422 with the fields named, in the request's
// language (lib/http/issue-text.ts).
import type { z } from "zod";
import { ApiError } from "./api-error";
import { translatorFor } from "./error-text";
import { describeIssueInEnglish, describeIssuesText, type FieldNames as NamedFields } from "./issue-text";

/** Field names in English words only (lib/http/issue-text.ts's FieldNames also takes messages, for other languages). */
export type FieldNames = Readonly<Record<string, string>>;

const t = translatorFor("errors");

type Issue = { path: readonly PropertyKey[]; message: string };

/** The issues as one English line for a person: "Name is required; Destination 1 URL must be an http:// or https:// URL". */
export function describeIssues(issues: readonly Issue[], names: NamedFields = {}): string {
  return issues.map((issue) => describeIssueInEnglish(issue, names)).join("; ");
}

export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>, names?: NamedFields): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError("invalid_json", t("invalidJson"));
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // `details` keeps each issue's path for programs; the message is for the person who filled in the form.
    throw new ApiError("unprocessable", t("validation.wrongShape", { problems: describeIssuesText(parsed.error.issues, names) }), {
      details: parsed.error.issues,
    });
  }
  return parsed.data;
}
