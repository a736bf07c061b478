// Users as Callboard shows them: the list for admins, and whether the first-run set-up is still open.
import type { PrismaClient } from "@/lib/db/generated/client";
import { toRole, type Role } from "@/lib/shared/auth/roles";

export type UserSummary = { id: string; email: string; name: string; role: Role; createdAt: string };

export async function hasAdmin(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.count({ where: { role: "admin" } })) > 0;
}

export async function listUsers(prisma: PrismaClient): Promise<UserSummary[]> {
  const users = await prisma.user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
  return users.map((user) => ({ ...user, role: toRole(user.role), createdAt: user.createdAt.toISOString() }));
}
