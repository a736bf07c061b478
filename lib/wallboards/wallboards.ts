// Admins' side of wallboard links: make one (its secret is returned once, in its URL), list them, change whether
// one masks numbers, revoke one.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PrismaClient, Wallboard } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { translatorFor } from "@/lib/http/error-text";
import { DEFAULT_LOCALE, LOCALES, toLocale } from "@/lib/shared/i18n/locales";
import { WALLBOARD_TOKEN_PARAM, type CreatedWallboard, type WallboardState, type WallboardView } from "@/lib/shared/wallboards/wallboard-view";
import { generateWallboardToken, hashWallboardToken, wallboardDisplayPrefix } from "./wallboard-secret";

const t = translatorFor("errors");
const MAX_EXPIRY_DAYS = 3650;
const LIST_LIMIT = 500;

export const newWallboardSchema = z.object({
  name: z.string().trim().min(1, "Give the wallboard a name, e.g. the room its screen hangs in.").max(100, "Keep the name under 100 characters."),
  lineNumber: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{5,14}$/, "lineNumber must be a line's number in international form, e.g. +31201234567, or null for every line.")
    .nullable()
    .default(null),
  expiresInDays: z
    .number({ error: "expiresInDays must be a number of days, or null for a link that never expires." })
    .int("expiresInDays must be a whole number of days.")
    .min(1, "A link must be valid for at least a day.")
    .max(MAX_EXPIRY_DAYS, `A link can be valid for at most ${MAX_EXPIRY_DAYS} days.`)
    .nullable()
    .default(null),
  showFullNumbers: z.boolean({ error: "showFullNumbers must be true or false." }).default(false),
  // English when not given, as links made before there was a choice.
  locale: z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(", ")}: the language the screen shows the wall in.` }).default(DEFAULT_LOCALE),
});

export type NewWallboard = z.infer<typeof newWallboardSchema>;

/** What may change on a link that exists: whether its screens show customers' full numbers. */
export const wallboardChangeSchema = z.strictObject(
  { showFullNumbers: newWallboardSchema.shape.showFullNumbers.unwrap() },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Only showFullNumbers can be changed on a link (not ${issue.keys.join(", ")}); make a new link for anything else.` : undefined) },
);

export type WallboardChange = z.infer<typeof wallboardChangeSchema>;

export const wallboardIdSchema = z.uuid({ error: "Not a wallboard id: take it from the list of wallboards." });

type WallboardWithPeople = Wallboard & { createdBy: { id: string; email: string } | null };

const WITH_PEOPLE = { createdBy: { select: { id: true, email: true } } } as const;

export function wallboardState(wallboard: Pick<Wallboard, "revokedAt" | "expiresAt">, now = new Date()): WallboardState {
  if (wallboard.revokedAt) return "revoked";
  if (wallboard.expiresAt && wallboard.expiresAt <= now) return "expired";
  return "active";
}

function toView(wallboard: WallboardWithPeople, now = new Date()): WallboardView {
  return {
    id: wallboard.id,
    name: wallboard.name,
    prefix: wallboard.prefix,
    lineNumber: wallboard.lineNumber,
    isMasked: wallboard.isMasked,
    locale: toLocale(wallboard.locale),
    createdBy: wallboard.createdBy,
    createdAt: wallboard.createdAt.toISOString(),
    expiresAt: wallboard.expiresAt?.toISOString() ?? null,
    lastUsedAt: wallboard.lastUsedAt?.toISOString() ?? null,
    lastUsedAddress: wallboard.lastUsedAddress,
    revokedAt: wallboard.revokedAt?.toISOString() ?? null,
    state: wallboardState(wallboard, now),
  };
}

/** The address a screen opens: the wall with the secret, which the first visit moves into a cookie. */
export function wallboardUrl(baseUrl: string, secret: string): string {
  const url = new URL("/wall", baseUrl);
  url.searchParams.set(WALLBOARD_TOKEN_PARAM, secret);
  return url.toString();
}

export async function createWallboard(prisma: PrismaClient, input: NewWallboard, createdById: string, baseUrl: string, now = new Date()): Promise<CreatedWallboard> {
  const secret = generateWallboardToken();
  const expiresAt = input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * 24 * 60 * 60 * 1000);
  const wallboard = await prisma.wallboard.create({
    data: {
      id: randomUUID(),
      name: input.name,
      tokenHash: hashWallboardToken(secret),
      prefix: wallboardDisplayPrefix(secret),
      lineNumber: input.lineNumber,
      isMasked: !input.showFullNumbers,
      locale: input.locale,
      createdById,
      createdAt: now,
      expiresAt,
    },
    include: WITH_PEOPLE,
  });
  return { id: wallboard.id, url: wallboardUrl(baseUrl, secret), wallboard: toView(wallboard, now) };
}

/** Every link, newest first, revoked and expired ones included. */
export async function listWallboards(prisma: PrismaClient, now = new Date()): Promise<WallboardView[]> {
  const wallboards = await prisma.wallboard.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LIST_LIMIT, include: WITH_PEOPLE });
  return wallboards.map((wallboard) => toView(wallboard, now));
}

/** Changes a valid link (the caller reconnects its screens, which then get numbers as it now says). */
export async function changeWallboard(prisma: PrismaClient, id: string, change: WallboardChange, now = new Date()): Promise<WallboardView> {
  const existing = await prisma.wallboard.findUnique({ where: { id } });
  if (!existing) throw new ApiError("not_found", t("wallboards.notFound", { id }));
  const state = wallboardState(existing, now);
  // Read on the settings page: in the reader's language.
  if (state !== "active") throw new ApiError("conflict", t("wallboards.notChangeable", { state }));
  const wallboard = await prisma.wallboard.update({ where: { id }, data: { isMasked: !change.showFullNumbers }, include: WITH_PEOPLE });
  return toView(wallboard, now);
}

/** Revokes at once (the caller disconnects its screens). Revoking again changes nothing; an unknown id is a 404. */
export async function revokeWallboard(prisma: PrismaClient, id: string, revokedById: string): Promise<WallboardView> {
  await prisma.wallboard.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(), revokedById } });
  const wallboard = await prisma.wallboard.findUnique({ where: { id }, include: WITH_PEOPLE });
  if (!wallboard) throw new ApiError("not_found", t("wallboards.notFound", { id }));
  return toView(wallboard);
}

/** Of these links, the ones still valid (open screens are checked against it every SOCKET_REVALIDATE_SECONDS). */
export async function findLiveWallboards(prisma: PrismaClient, ids: string[], now = new Date()): Promise<Set<string>> {
  const rows = await prisma.wallboard.findMany({
    where: { id: { in: ids }, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}
