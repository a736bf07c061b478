// The refusals proxy.ts answers before any page or route runs, in words people read (the request's language).
import { ApiError } from "@/lib/http/api-error";
import { translatorFor } from "@/lib/http/error-text";

const t = translatorFor("errors");

export const signInRequired = () => new ApiError("unauthorized", t("access.signIn"));

export const adminPageOnly = () => new ApiError("forbidden", t("access.adminOnlyPage"));

export const crossSiteRefused = () => new ApiError("forbidden", t("access.crossSite"));

export const wallboardOnly = () => new ApiError("forbidden", t("access.wallboardOnly"));

/** Sessions and API tokens live in Postgres: while it is down nobody can be checked, a 503 to retry. */
export const signInUnavailable = () => new ApiError("unavailable", t("access.signInUnavailable"), { headers: { "retry-after": "5" } });
