// When each rule's alerts last reached a destination. The alerts page shows a time for an alert delivered, not for
// one only raised (still pending, or failed): "Last alert 22:16" read as delivered when nothing had been. Test
// alerts are not the rule's alerts and do not count.
import type { PrismaClient } from "@/lib/db/generated/client";

export async function findLastDelivered(prisma: PrismaClient, ruleIds: bigint[]): Promise<Map<bigint, Date>> {
  if (ruleIds.length === 0) return new Map();
  const alerts = await prisma.alert.findMany({
    where: { ruleId: { in: ruleIds }, kind: { not: "test" }, deliveries: { some: { state: "sent", sentAt: { not: null } } } },
    select: { ruleId: true, deliveries: { where: { state: "sent", sentAt: { not: null } }, select: { sentAt: true }, orderBy: { sentAt: "desc" }, take: 1 } },
    orderBy: { createdAt: "desc" },
    distinct: ["ruleId"],
  });
  const delivered = new Map<bigint, Date>();
  for (const alert of alerts) {
    const sentAt = alert.deliveries[0]?.sentAt;
    if (alert.ruleId !== null && sentAt) delivered.set(alert.ruleId, sentAt);
  }
  return delivered;
}
