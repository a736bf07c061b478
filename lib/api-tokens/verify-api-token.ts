// Who is calling the read API: the token in `Authorization: Bearer <token>`, checked against its stored hash.
// proxy.ts calls this for every /api/v1 request; the handlers call it again through authenticateApiRequest.
import type { PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { hashApiToken, isApiTokenShaped } from "./api-token-secret";
import type { ApiTokenScope } from "@/lib/shared/api-tokens/api-token-view";

export type ApiTokenIdentity = { id: string; name: string; scope: ApiTokenScope; lastUsedAt: Date | null };

const NEW_TOKEN_HINT = "An admin can make a new one on the API tokens page (/settings/api-tokens).";

// RFC 6750: say which scheme is expected, and (once a token was sent) that it was refused.
function refuse(message: string, hasToken: boolean): ApiError {
  const challenge = hasToken ? `Bearer realm="Callboard API", error="invalid_token"` : `Bearer realm="Callboard API"`;
  return new ApiError("unauthorized", message, { headers: { "WWW-Authenticate": challenge } });
}

/** The bearer token from an Authorization header, or a 401 saying what is wrong with the header. */
export function readBearerToken(authorization: string | null): string {
  if (!authorization?.trim()) {
    throw refuse(`The read API needs an API token: send \`Authorization: Bearer cb_live_…\`. A signed-in session is not enough. ${NEW_TOKEN_HINT}`, false);
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  if (!match?.[1]) throw refuse("Send the API token with the Bearer scheme: `Authorization: Bearer cb_live_…`.", false);
  return match[1];
}

/** The token's identity, or a 401: missing, malformed, unknown, revoked or expired tokens each say so. */
export async function verifyApiToken(authorization: string | null, prisma: PrismaClient, now = new Date()): Promise<ApiTokenIdentity> {
  const token = readBearerToken(authorization);
  const invalid = `This API token is not valid: check that it was copied whole. ${NEW_TOKEN_HINT}`;
  if (!isApiTokenShaped(token)) throw refuse(invalid, true);
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, name: true, scope: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row) throw refuse(invalid, true);
  if (row.revokedAt) throw refuse(`This API token ("${row.name}") was revoked at ${row.revokedAt.toISOString()}. ${NEW_TOKEN_HINT}`, true);
  if (row.expiresAt && row.expiresAt <= now) throw refuse(`This API token ("${row.name}") expired at ${row.expiresAt.toISOString()}. ${NEW_TOKEN_HINT}`, true);
  if (row.scope !== "read") throw refuse(`This API token has an unknown scope (${row.scope}).`, true);
  return { id: row.id, name: row.name, scope: row.scope, lastUsedAt: row.lastUsedAt };
}

/** How stale last_used_at may get: the list shows "last used" to the minute, not to the request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Records that the token was used, at most once a minute per token rather than on every request. The condition is
 * also in the statement, so concurrent requests (or several instances) make one write between them.
 */
export async function recordApiTokenUse(token: ApiTokenIdentity, prisma: PrismaClient, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (token.lastUsedAt && token.lastUsedAt > cutoff) return;
  await prisma.apiToken.updateMany({
    where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] },
    data: { lastUsedAt: now },
  });
}
