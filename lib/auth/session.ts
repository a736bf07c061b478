// Who is asking: the signed-in user behind a request's cookies, and guards for handlers (defense in depth:
// proxy.ts already refuses anonymous requests and viewers on admin paths before a handler runs). Entry points reach
// these through lib/context/session.ts, bound to the process's Better Auth.
import type { PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { translatorFor } from "@/lib/http/error-text";
import type { Auth } from "./auth";
import { canControlCalls, toRole, type Role } from "@/lib/shared/auth/roles";

const t = translatorFor("errors");

export type SessionUser = { id: string; email: string; name: string; role: Role; session: { id: string; expiresAt: Date } };

/** The signed-in user, or null for no cookie, an expired or revoked session, or a banned user. */
export async function getSessionUser(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  if (!headers.get("cookie")) return null;
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, email, name, role } = session.user;
  return { id, email, name, role: toRole(role), session: { id: session.session.id, expiresAt: new Date(session.session.expiresAt) } };
}

export async function requireUser(auth: Auth, headers: Headers): Promise<SessionUser> {
  const user = await getSessionUser(auth, headers);
  if (!user) throw new ApiError("unauthorized", t("access.signIn"));
  return user;
}

export async function requireAdmin(auth: Auth, headers: Headers): Promise<SessionUser> {
  const user = await requireUser(auth, headers);
  if (user.role !== "admin") throw new ApiError("forbidden", t("access.adminOnly"));
  return user;
}

/** The signed-in supervisor or admin, or a 401 or 403: viewers watch calls, they do not act on them. */
export async function requireCallController(auth: Auth, headers: Headers): Promise<SessionUser> {
  const user = await requireUser(auth, headers);
  if (!canControlCalls(user.role)) throw new ApiError("forbidden", t("access.controllersOnly"));
  return user;
}

export function isAdmin(user: SessionUser | null): boolean {
  return user?.role === "admin";
}

/** Of these sessions, the ones still valid: not expired, not revoked (deleted), their user not banned. */
export async function findLiveSessions(prisma: PrismaClient, sessionIds: string[], now = new Date()): Promise<Set<string>> {
  const rows = await prisma.session.findMany({
    where: {
      id: { in: sessionIds },
      expiresAt: { gt: now },
      user: { OR: [{ banned: null }, { banned: false }, { banExpires: { lte: now } }] },
    },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}
