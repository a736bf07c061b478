// GET /api/v1/calls/{id} – one call with its webhook events and end-of-call report. Token auth.
import { appContext } from "@/lib/context/current";
import { findApiCall } from "@/lib/public-api/find-api-call";
import { withApiToken } from "@/lib/context/with-api-token";

export const dynamic = "force-dynamic";

export const GET = withApiToken<{ id: string }>((_request, { params }) => findApiCall(appContext().prisma, params));
