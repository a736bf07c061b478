// Admins' side of API tokens: make one (its secret is returned once), list them, revoke one.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ApiToken, PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { translatorFor } from "@/lib/http/error-text";
import { apiTokenDisplayPrefix, generateApiToken, hashApiToken } from "./api-token-secret";
import type { ApiTokenState, ApiTokenView, CreatedApiToken } from "@/lib/shared/api-tokens/api-token-view";

const t = translatorFor("errors");

const MAX_EXPIRY_DAYS = 3650;
const LIST_LIMIT = 500;

export const newApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name, e.g. the integration that will use it.").max(100, "Keep the name under 100 characters."),
  expiresInDays: z
    .number({ error: "expiresInDays must be a number of days, or null for a token that never expires." })
    .int("expiresInDays must be a whole number of days.")
    .min(1, "A token must be valid for at least a day.")
    .max(MAX_EXPIRY_DAYS, `A token can be valid for at most ${MAX_EXPIRY_DAYS} days.`)
    .nullable()
    .default(null),
});

export type NewApiToken = z.infer<typeof newApiTokenSchema>;

type TokenWithPeople = ApiToken & { createdBy: { id: string; email: string } | null; revokedBy: { id: string; email: string } | null };

const WITH_PEOPLE = { createdBy: { select: { id: true, email: true } }, revokedBy: { select: { id: true, email: true } } } as const;

export function apiTokenState(token: Pick<ApiToken, "revokedAt" | "expiresAt">, now = new Date()): ApiTokenState {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  return "active";
}

function toView(token: TokenWithPeople, now = new Date()): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scope: "read",
    createdBy: token.createdBy,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    revokedBy: token.revokedBy,
    state: apiTokenState(token, now),
  };
}

export async function createApiToken(prisma: PrismaClient, input: NewApiToken, createdById: string, now = new Date()): Promise<CreatedApiToken> {
  const secret = generateApiToken();
  const expiresAt = input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * 24 * 60 * 60 * 1000);
  const token = await prisma.apiToken.create({
    data: { id: randomUUID(), name: input.name, tokenHash: hashApiToken(secret), prefix: apiTokenDisplayPrefix(secret), scope: "read", createdById, createdAt: now, expiresAt },
    include: WITH_PEOPLE,
  });
  return { token: toView(token, now), secret };
}

/** Every token, newest first, revoked and expired ones included (they say who made and who revoked them). */
export async function listApiTokens(prisma: PrismaClient, now = new Date()): Promise<ApiTokenView[]> {
  const tokens = await prisma.apiToken.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LIST_LIMIT, include: WITH_PEOPLE });
  return tokens.map((token) => toView(token, now));
}

/** Revokes at once (the next request with it gets a 401). Revoking again changes nothing. */
export async function revokeApiToken(prisma: PrismaClient, id: string, revokedById: string): Promise<ApiTokenView> {
  await prisma.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(), revokedById } });
  const token = await prisma.apiToken.findUnique({ where: { id }, include: WITH_PEOPLE });
  if (!token) throw new ApiError("not_found", t("apiTokens.notFound", { id }));
  return toView(token);
}

/** The tokens `userId` made that still work: what removing or demoting them will revoke (the users page warns). */
export async function listLiveApiTokenIdsOf(prisma: PrismaClient, userId: string, now = new Date()): Promise<string[]> {
  const tokens = await prisma.apiToken.findMany({
    where: { createdById: userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { id: true },
  });
  return tokens.map((token) => token.id);
}

/**
 * Names the admin who removed or demoted a token's maker as its revoker. The database revoked the tokens itself, in
 * the same statement as the change (migration revoke_tokens_of_former_admins), but cannot know who acted.
 */
export async function creditApiTokenRevocation(prisma: PrismaClient, tokenIds: string[], revokedById: string): Promise<void> {
  if (tokenIds.length === 0) return;
  await prisma.apiToken.updateMany({ where: { id: { in: tokenIds }, revokedAt: { not: null }, revokedById: null }, data: { revokedById } });
}
