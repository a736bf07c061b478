// Refuses a state-changing request that a browser sent from another site (cross-site request forgery): browsers
// always send Origin on such requests. Requests without Origin (curl, scripts) are not from a browser page.
import { ApiError } from "./api-error";

export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ApiError("forbidden", "The request's Origin header is not a URL.");
  }
  if (!host || originHost.toLowerCase() !== host.toLowerCase()) {
    throw new ApiError("forbidden", `Requests from ${origin} may not change this Callboard's settings; use the webhooks page on this server.`);
  }
}
