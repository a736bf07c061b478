// GET /api/v1/calls – calls newest first, filtered (number, line, status, from/to) and cursor-paginated. Token auth.
import { appContext } from "@/lib/context/current";
import { listCalls } from "@/lib/public-api/list-calls";
import { parseListCallsQuery } from "@/lib/public-api/list-calls-query";
import { withApiToken } from "@/lib/context/with-api-token";

export const dynamic = "force-dynamic";

export const GET = withApiToken((request) => listCalls(appContext().prisma, parseListCallsQuery(new URL(request.url).searchParams)));
