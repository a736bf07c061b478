// One error type, one code-to-status table (lib/shared/http/error-shape.ts), one JSON shape:
// { error: { code, message, details? } }. Client mistakes are 4xx with a message a person can act on; a 500 means a
// bug in Callboard. Whatever is thrown becomes that shape here, in toApiError: route handlers answer it through
// errorResponse, server actions through actionError (action-error.ts). Its words may be a message key and values
// (error-text.ts): answered in the request's language where the request is known, in English otherwise.
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { logger } from "@/lib/observability/logger";
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from "@/lib/shared/http/error-shape";
import { DEFAULT_LOCALE } from "@/lib/shared/i18n/locales";
import { translateError, translatorFor, type ErrorText } from "./error-text";
import { requestLocale } from "./request-locale";

const t = translatorFor("errors");

export class ApiError extends Error {
  override name = "ApiError";
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly headers: Record<string, string>;
  /** The words as a message key, for other languages; null for words that stay English (a machine's, Flireo's). */
  readonly text: ErrorText | null;

  constructor(code: ErrorCode, message: string | ErrorText, options: { details?: unknown; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(typeof message === "string" ? message : translateError(message, DEFAULT_LOCALE), { cause: options.cause });
    this.text = typeof message === "string" ? null : message;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The one JSON shape, its message in `locale` (English unless a request's language is known). */
export function errorBody(error: ApiError, locale: string = DEFAULT_LOCALE): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.text ? translateError(error.text, locale) : error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

/**
 * An error from another module that knows how Callboard answers it: FlireoApiError, for one, gives Flireo's
 * failure in Flireo's words with a status of ours. Asked here, so that no route converts it by hand.
 */
export type AnswerableError = Error & { toApiError: () => ApiError };

function isAnswerable(error: unknown): error is AnswerableError {
  return error instanceof Error && typeof (error as Partial<AnswerableError>).toApiError === "function";
}

/**
 * A fault in how this server is set up, from a module below lib/http that names its answer as data (lib/secrets: a
 * stored secret that CALLBOARD_ENCRYPTION_KEY cannot decrypt). Its message says what to set; it is logged, since
 * the operator must act on it, and answered with that message instead of a bare 500.
 */
export type SetupFault = Error & { setupFault: { code: ErrorCode } };

function isSetupFault(error: unknown): error is SetupFault {
  return error instanceof Error && typeof (error as Partial<SetupFault>).setupFault?.code === "string";
}

/**
 * Anything thrown, as an ApiError. An answerable error (Flireo's) gives its own; an unreachable database is a 503
 * with Retry-After; any other unknown error is logged and hidden behind a generic 500.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isAnswerable(error)) return error.toApiError();
  if (isSetupFault(error)) {
    logger.error({ err: error.message }, "Callboard's set-up stops this request");
    return new ApiError(error.setupFault.code, error.message);
  }
  if (isDatabaseUnavailable(error)) {
    return new ApiError("unavailable", t("databaseUnavailable"), { headers: { "retry-after": "5" } });
  }
  logger.error({ err: error }, "Unhandled error");
  return new ApiError("internal", t("internal"));
}

/**
 * Turns anything thrown into a route handler's response: in the request's language when the request is given (the
 * routes people's pages call), in English without it (the machine-facing read API and webhook).
 */
export function errorResponse(error: unknown, request?: Request): Response {
  const apiError = toApiError(error);
  const locale = request ? requestLocale(request.headers) : DEFAULT_LOCALE;
  return Response.json(errorBody(apiError, locale), { status: apiError.status, headers: apiError.headers });
}
