// What POST /api/flireo/assistants/register and /unregister do with a request: { assistantIds } in, one result
// per assistant out. Only the change differs (manage-registrations.ts).
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { readJsonBody } from "@/lib/http/read-json-body";
import type { SecretBox } from "@/lib/secrets/secret-box";
import type { RegistrationResult } from "@/lib/shared/flireo/flireo-view";
import { readRequestOrigin } from "@/lib/webhooks/webhook-url";
import { getFlireoClient } from "./flireo-api-key";
import type { FlireoClient } from "./flireo-client";
import type { RegistrationTarget } from "./manage-registrations";
import type { RequestBudget } from "./request-budget";
import { loadRegistrationTarget } from "./webhook-settings";

const bodySchema = z.object({ assistantIds: z.array(z.string()).max(100) });

type Change = (client: FlireoClient, ids: readonly string[], target: RegistrationTarget) => Promise<RegistrationResult[]>;

export async function changeRegistrations(
  services: { prisma: PrismaClient; secretBox: SecretBox; flireoBudget: RequestBudget },
  request: Request,
  change: Change,
): Promise<{ results: RegistrationResult[] }> {
  const { prisma, secretBox: box } = services;
  const { assistantIds } = await readJsonBody(request, bodySchema);
  const client = await getFlireoClient(prisma, box, services.flireoBudget);
  const target = await loadRegistrationTarget(prisma, box, readRequestOrigin(request.headers, request.url));
  return { results: await change(client, assistantIds, target) };
}
