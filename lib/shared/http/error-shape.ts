// The one shape of Callboard's errors, in a route handler's JSON and a server action's answer alike:
// { error: { code, message, details? } }, with the table that gives each code its HTTP status. Safe to import from
// client components, which read the codes and show the message; lib/http/api-error.ts turns what is thrown into it.

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  invalid_signature: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  upstream_failed: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A message for a person, and a code for a program. */
export type ErrorShape = { code: ErrorCode; message: string; details?: unknown };

export type ErrorBody = { error: ErrorShape };
