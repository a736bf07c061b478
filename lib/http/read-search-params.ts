// Reads a request's query string through a zod schema (empty values count as absent); a mistake is a 400 that
// names the parameter and says what fits.
import type { z } from "zod";
import { ApiError } from "./api-error";

export function readSearchParams<T>(request: Request, schema: z.ZodType<T>, usage: string): T {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const query = schema.safeParse(params);
  if (!query.success) {
    const fields = query.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new ApiError("bad_request", `Invalid query: ${fields}. ${usage}`);
  }
  return query.data;
}
