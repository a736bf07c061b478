// The security headers of every response. proxy.ts adds the per-request CSP; next.config.ts adds the static
// ones to responses the proxy does not see (static files, the webhook route).

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // For browsers without CSP frame-ancestors.
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** A fresh, unguessable nonce for one response (Next.js puts it on its own scripts). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * Scripts run only with this response's nonce ('strict-dynamic' lets them load Next's chunks). Styles allow inline
 * because React style attributes and Next's font CSS need it; styles cannot run code. Development adds 'unsafe-eval'
 * for React's dev tooling.
 */
export function buildContentSecurityPolicy(nonce: string, options: { isDev: boolean; isHttps: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
