// Settings changed from the app, stored as JSON by key in the `settings` table.
import type { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";

export async function readSetting<T>(prisma: PrismaClient, key: string, schema: z.ZodType<T>): Promise<T | null> {
  const row = await prisma.setting.findUnique({ where: { key } });
  if (!row) return null;
  const parsed = schema.safeParse(row.value);
  // A value written by an older version that no longer fits reads as unset rather than breaking the page.
  return parsed.success ? parsed.data : null;
}

export async function writeSetting(prisma: PrismaClient, key: string, value: Prisma.InputJsonValue): Promise<void> {
  await prisma.setting.upsert({ where: { key }, create: { key, value }, update: { value, updatedAt: new Date() } });
}

export async function deleteSetting(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.setting.deleteMany({ where: { key } });
}
