// GET ?limit=&<filter>= for a delivery log (the webhook's, the alerts'): the latest deliveries, 50 unless asked
// (1..500), narrowed to one value of the log's filter, and the last 24 hours' count of each value. The route
// handler checks who asks and answers a refusal.
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { readSearchParams } from "./read-search-params";

type DeliveryLog<Value extends string, Delivery> = {
  /** The query parameter that narrows the list, and what it may be. */
  filter: { name: string; values: readonly [Value, ...Value[]] };
  list: (prisma: PrismaClient, query: { limit: number; value: Value | null }) => Promise<Delivery[]>;
  count: (prisma: PrismaClient) => Promise<Record<Value, number>>;
};

export async function answerDeliveryList<Value extends string, Delivery>(request: Request, prisma: PrismaClient, log: DeliveryLog<Value, Delivery>): Promise<Response> {
  const { name, values } = log.filter;
  const schema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), [name]: z.enum(values).optional() });
  const query = readSearchParams(request, schema, `Use limit=1..500 and ${name}=${values.join("|")}.`) as { limit: number } & Partial<Record<string, Value>>;
  const [deliveries, counts] = await Promise.all([log.list(prisma, { limit: query.limit, value: query[name] ?? null }), log.count(prisma)]);
  return Response.json({ deliveries, counts }, { headers: { "cache-control": "no-store" } });
}
