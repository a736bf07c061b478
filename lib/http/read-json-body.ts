// Reads a JSON request body and validates it, turning mistakes into 400/422 with the fields named.
import type { z } from "zod";
import { ApiError } from "./api-error";

export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError("invalid_json", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`).join("; ");
    throw new ApiError("unprocessable", `The request body has the wrong shape. ${fields}`, { details: parsed.error.issues });
  }
  return parsed.data;
}
