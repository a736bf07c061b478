// Users as Callboard shows them: the list for admins, and whether the first-run set-up is still open.
import { getPrisma } from "@/lib/db/client";
import { toRole, type Role } from "@/lib/shared/auth/roles";

/** `liveApiTokens`: read-API tokens the user made that still work; removing or demoting an admin revokes them. */
export type UserSummary = { id: string; email: string; name: string; role: Role; createdAt: string; liveApiTokens: number };

export async function hasAdmin(): Promise<boolean> {
  return (await getPrisma().user.count({ where: { role: "admin" } })) > 0;
}

export async function listUsers(now = new Date()): Promise<UserSummary[]> {
  const users = await getPrisma().user.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      _count: { select: { apiTokensCreated: { where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } } } },
    },
  });
  return users.map(({ _count, ...user }) => ({ ...user, role: toRole(user.role), createdAt: user.createdAt.toISOString(), liveApiTokens: _count.apiTokensCreated }));
}
