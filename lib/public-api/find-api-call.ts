// GET /api/v1/calls/{id}'s query: one call with its events and end-of-call report, or a 404.
import { listCallCommands } from "@/lib/call-control/call-commands";
import { findCallDetail } from "@/lib/calls/find-call-detail";
import type { PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { CallIdParamsSchema, type ApiCallDetail } from "./schemas";
import { toApiCallDetail } from "./to-api-call";

export async function findApiCall(prisma: PrismaClient, params: { id: string }): Promise<ApiCallDetail> {
  const parsed = CallIdParamsSchema.safeParse(params);
  if (!parsed.success) throw new ApiError("bad_request", "The call id in the path must be 1 to 200 characters.");
  const { id } = parsed.data;
  const detail = await findCallDetail(prisma, id, { allEvents: true });
  if (!detail) throw new ApiError("not_found", `No call with id ${id}. Ids are Flireo's call ids, as in the list's data[].id.`);
  return toApiCallDetail(detail, await listCallCommands(prisma, id));
}
