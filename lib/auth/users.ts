// Users as Callboard shows them: the list for admins, and whether the first-run set-up is still open.
import type { PrismaClient } from "@/lib/db/generated/client";
import { toRole, type Role } from "@/lib/shared/auth/roles";

/** `liveApiTokens`: read-API tokens the user made that still work; removing or demoting an admin revokes them. */
/** `lastSignInAt`: the start of the user's latest session still held (a signed-out session is gone), or null. */
export type UserSummary = { id: string; email: string; name: string; role: Role; createdAt: string; lastSignInAt: string | null; liveApiTokens: number };

export async function hasAdmin(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.count({ where: { role: "admin" } })) > 0;
}

export async function listUsers(prisma: PrismaClient, now = new Date()): Promise<UserSummary[]> {
  const users = await prisma.user.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
      _count: { select: { apiTokensCreated: { where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } } } },
    },
  });
  return users.map(({ _count, sessions, ...user }) => ({
    ...user,
    role: toRole(user.role),
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: sessions[0]?.createdAt.toISOString() ?? null,
    liveApiTokens: _count.apiTokensCreated,
  }));
}
