// Who a screen is: the wallboard link whose secret it carries (in the URL the first time, then in a cookie), checked
// against its stored hash. proxy.ts, the wall's route handlers and the socket handshake all call this.
import type { PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { toLocale, type Locale } from "@/lib/shared/i18n/locales";
import { hashWallboardToken, isWallboardTokenShaped } from "./wallboard-secret";

export type WallboardIdentity = {
  kind: "wallboard";
  id: string;
  name: string;
  lineNumber: string | null;
  isMasked: boolean;
  /** The language its screen shows the wall in. */
  locale: Locale;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
};

const NEW_LINK_HINT = "An admin can make a new link on the Wallboards page (/settings/wallboards).";

/** The link's identity, or a 403 that says whether it is unknown, revoked or expired. */
export async function verifyWallboardToken(token: string, prisma: PrismaClient, now = new Date()): Promise<WallboardIdentity> {
  const invalid = `This wallboard link is not valid: check that it was copied whole. ${NEW_LINK_HINT}`;
  if (!isWallboardTokenShaped(token)) throw new ApiError("forbidden", invalid);
  const row = await prisma.wallboard.findUnique({
    where: { tokenHash: hashWallboardToken(token) },
    select: { id: true, name: true, lineNumber: true, isMasked: true, locale: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row) throw new ApiError("forbidden", invalid);
  if (row.revokedAt) throw new ApiError("forbidden", `This wallboard link was revoked. ${NEW_LINK_HINT}`, { details: { reason: "revoked" } });
  if (row.expiresAt && row.expiresAt <= now) throw new ApiError("forbidden", `This wallboard link expired at ${row.expiresAt.toISOString()}. ${NEW_LINK_HINT}`, { details: { reason: "expired" } });
  const { id, name, lineNumber, isMasked, expiresAt, lastUsedAt } = row;
  return { kind: "wallboard", id, name, lineNumber, isMasked, locale: toLocale(row.locale), expiresAt, lastUsedAt };
}

/** How stale last use may get: the list shows it to the minute, not to the request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Records the link's use and address, at most once a minute per link (the condition is in the statement too). */
export async function recordWallboardUse(wallboard: WallboardIdentity, address: string, prisma: PrismaClient, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (wallboard.lastUsedAt && wallboard.lastUsedAt > cutoff) return;
  await prisma.wallboard.updateMany({
    where: { id: wallboard.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] },
    data: { lastUsedAt: now, lastUsedAddress: address.slice(0, 100) },
  });
}

/**
 * A screen's socket handshake: the link in its cookie (its line, if it has one, is all its connection is sent), refused
 * in words (with `revoked` or `expired` for the screen to show), or null when it carries none. Its use and address are
 * recorded as a page load's are.
 */
export async function authenticateWallboardHandshake(
  prisma: PrismaClient,
  token: string | null,
  address: string,
): Promise<{ wallboardId: string; lineNumber: string | null; isMasked: boolean; expiresAt: Date | null } | { refused: string; reason: string | null } | null> {
  if (token === null) return null;
  try {
    const wallboard = await verifyWallboardToken(token, prisma);
    await recordWallboardUse(wallboard, address, prisma);
    return { wallboardId: wallboard.id, lineNumber: wallboard.lineNumber, isMasked: wallboard.isMasked, expiresAt: wallboard.expiresAt };
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "forbidden") throw error;
    return { refused: error.message, reason: (error.details as { reason?: string } | undefined)?.reason ?? null };
  }
}
