// GET /api/v1/calls – calls newest first, filtered (number, line, status, from/to) and cursor-paginated. Token auth.
import { getPrisma } from "@/lib/db/client";
import { listCalls } from "@/lib/public-api/list-calls";
import { parseListCallsQuery } from "@/lib/public-api/list-calls-query";
import { withApiToken } from "@/lib/public-api/with-api-token";

export const dynamic = "force-dynamic";

export const GET = withApiToken((request) => listCalls(getPrisma(), parseListCallsQuery(new URL(request.url).searchParams)));
