// A zod issue as words people read: in English the schema's own message (as Callboard has always answered), in other
// languages what is wrong said from the issue's code and limits, with the field's name (lib/i18n/messages/*/errors.json).
import type { z } from "zod";
import { translateError, translatorFor, type ErrorText } from "./error-text";

const t = translatorFor("errors");

/**
 * What a field is called on the page that sends it, by path with item numbers as "*" ("destinations.*.url"): a
 * message (translated), or English words kept as they are; a "{n}" in English words, or an `n` value, is the item's
 * number, counted from 1. Fields without a name are given by their path.
 */
export type FieldNames = Readonly<Record<string, string | ErrorText>>;

type IssueAt = { path: readonly PropertyKey[]; message: string };

type Issue = z.core.$ZodIssue;

function fieldName(issue: Pick<IssueAt, "path">, names: FieldNames): string | ErrorText | null {
  const key = issue.path.map((part) => (typeof part === "number" ? "*" : String(part))).join(".");
  const item = (issue.path.find((part): part is number => typeof part === "number") ?? 0) + 1;
  const name = names[key];
  if (name === undefined) return null;
  return typeof name === "string" ? name.replace("{n}", String(item)) : { ...name, values: { ...name.values, n: item } };
}

/** The problem, said from the issue's code and limits (in English the schema's message replaces it). */
function problemOf(issue: Issue, field: string | ErrorText): ErrorText {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? t("validation.required", { field }) : t("validation.tooShort", { field, minimum: Number(issue.minimum) });
      if (issue.origin === "array" || issue.origin === "set") return t("validation.tooFew", { field, minimum: Number(issue.minimum) });
      return t("validation.tooSmall", { field, minimum: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("validation.tooLong", { field, maximum: Number(issue.maximum) });
      if (issue.origin === "array" || issue.origin === "set") return t("validation.tooMany", { field, maximum: Number(issue.maximum) });
      return t("validation.tooBig", { field, maximum: Number(issue.maximum) });
    case "invalid_type":
      return t("validation.invalidType", { field, expected: issue.expected });
    case "invalid_format":
      if (issue.format === "email") return t("validation.email", { field });
      if (issue.format === "url") return t("validation.url", { field });
      return t("validation.format", { field });
    case "invalid_value":
      return t("validation.oneOf", { field, values: issue.values.map(String).join(", ") });
    case "unrecognized_keys":
      return t("validation.unknownFields", { field, keys: issue.keys.join(", ") });
    default:
      return t("validation.invalid", { field });
  }
}

/** One issue: the problem with its field's name (or its path) in the reader's language. */
export function describeIssueText(issue: Issue, names: FieldNames = {}): ErrorText {
  return problemOf(issue, fieldName(issue, names) ?? (issue.path.join(".") || t("validation.body")));
}

/** One issue in English, as Callboard has always answered it: "Name is required", "url: Invalid URL". */
export function describeIssueInEnglish(issue: IssueAt, names: FieldNames = {}): string {
  const name = fieldName(issue, names);
  if (name === null) return `${issue.path.join(".") || "(body)"}: ${issue.message}`;
  const english = typeof name === "string" ? name : translateError(name);
  // The schemas' own messages read on from the field's name ("is required"); zod's built-in ones are sentences.
  return /^[a-z]/.test(issue.message) ? `${english} ${issue.message}` : `${english}: ${issue.message}`;
}

/** Every issue, each in the reader's language; in English the line Callboard has always given. */
export function describeIssuesText(issues: readonly Issue[], names: FieldNames = {}): ErrorText[] {
  return issues.map((issue) => ({ ...describeIssueText(issue, names), english: describeIssueInEnglish(issue, names) }));
}
