// GET /api/v1/calls's query parameters: one zod schema that validates requests and documents them (openapi.ts).
import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { SEARCH_MAX_CHARS } from "@/lib/shared/calls/call-search";
import { API_CALL_STATUSES, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from "./schemas";

const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "Not an ISO 8601 instant: use e.g. 2026-11-27T09:00:00Z, 2026-11-27T10:00:00+01:00 or 2026-11-27." })
  .transform((value) => new Date(value))
  .meta({ description: "ISO 8601: a date-time with Z or an offset, or a date (midnight UTC).", example: "2026-11-27T00:00:00Z" });

export const ListCallsQuerySchema = z
  .object({
    // The length is checked where the words are read (searchWords), so a search too long is a 422 like any other
    // search that cannot be run, not a 400.
    q: z.string().optional().meta({
      description:
        `Words said in the call: its summary, transcript, error text and end reason, matched by their English and Dutch stems ` +
        `(\`refund\` finds "refunds", \`terugbetaling\` finds "terugbetalingen"). Web-search syntax: words must all occur, ` +
        `\`"a phrase"\`, \`OR\`, \`-word\` to exclude. At most ${SEARCH_MAX_CHARS} characters; a longer search, or one with no word to look for ` +
        `(only punctuation or operators), gets a 422.`,
      example: "refund",
    }),
    number: z.string().trim().min(1).max(64).optional().meta({
      description:
        "Part of the customer's or the line's number, matched as the board's number filter matches it: `+31 6 1234`, `0031 6 1234` and `06-1234` (national, read with DEFAULT_COUNTRY) match from the start of the number; digits alone (`1234`) match anywhere in it.",
      example: "06-1234",
    }),
    line: z.string().trim().min(1).max(32).optional().meta({ description: "A line's number (E.164): only calls on that line.", example: "+31201234567" }),
    status: z
      .array(z.enum(API_CALL_STATUSES, { error: `Not a status: use ${API_CALL_STATUSES.join(", ")}.` }))
      .min(1)
      .optional()
      .meta({ description: "Only calls in these statuses. Repeat the parameter or separate with commas: `status=ended,ended-with-error`." }),
    from: instant.optional().meta({ description: "Only calls that started at or after this instant (the start, or the first event when the start is unknown; as on the board)." }),
    to: instant.optional().meta({ description: "Only calls that started before this instant (exclusive)." }),
    limit: z.coerce
      .number({ error: `Not a number: use a whole number from 1 to ${LIST_LIMIT_MAX}.` })
      .int(`Use a whole number from 1 to ${LIST_LIMIT_MAX}.`)
      .min(1, `Use a whole number from 1 to ${LIST_LIMIT_MAX}.`)
      .max(LIST_LIMIT_MAX, `At most ${LIST_LIMIT_MAX} calls per page; follow nextCursor for more.`)
      .default(LIST_LIMIT_DEFAULT).meta({ description: `Calls per page, 1 to ${LIST_LIMIT_MAX}.` }),
    cursor: z.string().min(1).max(512).optional().meta({ description: "`nextCursor` from the previous page; leave out for the first page." }),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, { message: "from must be before to.", path: ["from"] });

export type ListCallsQuery = z.infer<typeof ListCallsQuerySchema>;

const KNOWN = Object.keys(ListCallsQuerySchema.shape);
const REPEATABLE = new Set(["status"]);

/**
 * A bare `+` in a query string arrives as a space (form encoding), so `?number=+316…` or `from=…T10:00+01:00`
 * sent without %2B still mean what the caller typed.
 */
function restorePlus(name: string, value: string): string {
  if (name === "number" || name === "line") return value.replace(/^ (?=\d)/, "+");
  if (name === "from" || name === "to") return value.replace(/(T[\d:.]+) (\d\d(?::?\d\d)?)$/, "$1+$2");
  return value;
}

function describeIssues(error: z.ZodError): { parameter: string; message: string }[] {
  return error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? "query"), message: issue.message }));
}

/** The validated query, or a 400 that names every bad parameter. Empty values count as absent. */
export function parseListCallsQuery(searchParams: URLSearchParams): ListCallsQuery {
  const raw: Record<string, string | string[]> = {};
  const problems: { parameter: string; message: string }[] = [];
  for (const name of new Set(searchParams.keys())) {
    const values = searchParams.getAll(name).filter((value) => value !== "");
    if (!KNOWN.includes(name)) {
      problems.push({ parameter: name, message: `Unknown parameter; the known ones are ${KNOWN.join(", ")}.` });
    } else if (REPEATABLE.has(name)) {
      const items = values.flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean);
      if (items.length > 0) raw[name] = items;
    } else if (values.length > 1) {
      problems.push({ parameter: name, message: "Given more than once; give it once." });
    } else if (values[0] !== undefined) {
      raw[name] = restorePlus(name, values[0]);
    }
  }
  const result = ListCallsQuerySchema.safeParse(raw);
  if (!result.success) problems.push(...describeIssues(result.error));
  if (problems.length > 0 || !result.success) {
    const summary = problems.map((problem) => `${problem.parameter}: ${problem.message}`).join("; ");
    throw new ApiError("bad_request", `Invalid query parameters. ${summary}`, { details: problems });
  }
  return result.data;
}
