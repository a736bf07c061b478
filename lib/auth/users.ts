// Users as Callboard shows them: the list for admins, and whether the first-run set-up is still open.
import type { PrismaClient } from "@/lib/db/generated/client";
import { toRole, type Role } from "@/lib/shared/auth/roles";

/** `liveApiTokens`: read-API tokens the user made that still work; removing or demoting an admin revokes them. */
/** `lastSignInAt`: when the user last signed in (kept on the user, so signing out does not lose it), or null. */
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
      lastSignInAt: true,
      _count: { select: { apiTokensCreated: { where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } } } },
    },
  });
  return users.map(({ _count, ...user }) => ({
    ...user,
    role: toRole(user.role),
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    liveApiTokens: _count.apiTokensCreated,
  }));
}
