// Users as Callboard shows them: the list for admins, and whether the first-run set-up is still open.
import { getPrisma } from "@/lib/db/client";
import { toRole, type Role } from "@/lib/shared/auth/roles";

export type UserSummary = { id: string; email: string; name: string; role: Role; createdAt: string };

export async function hasAdmin(): Promise<boolean> {
  return (await getPrisma().user.count({ where: { role: "admin" } })) > 0;
}

export async function listUsers(): Promise<UserSummary[]> {
  const users = await getPrisma().user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
  return users.map((user) => ({ ...user, role: toRole(user.role), createdAt: user.createdAt.toISOString() }));
}
