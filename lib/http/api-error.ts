// One error type, one code-to-status table, one JSON shape: { error: { code, message, details? } }.
// Client mistakes are 4xx with a message a person can act on; a 500 means a bug in Callboard.
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  invalid_signature: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  upstream_failed: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  override name = "ApiError";
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

export function errorBody(error: ApiError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

/**
 * Turns anything thrown into a response. An unreachable database is a 503 with Retry-After; any other unknown
 * error is logged and hidden behind a generic 500.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json(errorBody(error), { status: error.status, headers: error.headers });
  }
  if (isDatabaseUnavailable(error)) {
    const unavailable = new ApiError("unavailable", "The database is unavailable right now; retry shortly.");
    return Response.json(errorBody(unavailable), { status: unavailable.status, headers: { "retry-after": "5" } });
  }
  console.error("Unhandled error", error);
  const internal = new ApiError("internal", "Callboard hit an unexpected error; it has been logged.");
  return Response.json(errorBody(internal), { status: internal.status });
}
