// Reads a JSON request body and validates it, turning mistakes into 400/422 with the fields named.
import type { z } from "zod";
import { ApiError } from "./api-error";

/**
 * What a field is called on the page that sends it, by path with item numbers as "*" ("destinations.*.url"); a
 * "{n}" in a name is the item's number, counted from 1. Fields without a name are given by their path.
 */
export type FieldNames = Readonly<Record<string, string>>;

type Issue = { path: readonly PropertyKey[]; message: string };

function describeIssue(issue: Issue, names: FieldNames): string {
  const key = issue.path.map((part) => (typeof part === "number" ? "*" : String(part))).join(".");
  const item = issue.path.find((part): part is number => typeof part === "number");
  const name = names[key]?.replace("{n}", String((item ?? 0) + 1));
  if (!name) return `${issue.path.join(".") || "(body)"}: ${issue.message}`;
  // The schemas' own messages read on from the field's name ("is required"); zod's built-in ones are sentences.
  return /^[a-z]/.test(issue.message) ? `${name} ${issue.message}` : `${name}: ${issue.message}`;
}

/** The issues as one line for a person: "Name is required; Destination 1 URL must be an http:// or https:// URL". */
export function describeIssues(issues: readonly Issue[], names: FieldNames = {}): string {
  return issues.map((issue) => describeIssue(issue, names)).join("; ");
}

export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>, names?: FieldNames): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError("invalid_json", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // `details` keeps each issue's path for programs; the message is for the person who filled in the form.
    throw new ApiError("unprocessable", `The request body has the wrong shape. ${describeIssues(parsed.error.issues, names)}`, {
      details: parsed.error.issues,
    });
  }
  return parsed.data;
}
