// GET /api/wallboards – every wallboard link (never a secret). POST – make one: { name, lineNumber?, expiresInDays?,
// showFullNumbers? } → { id, url }, the URL holding the link's secret, shown this once.
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { createWallboard, listWallboards, newWallboardSchema } from "@/lib/wallboards/wallboards";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/** The address the admin reached Callboard at (Next's request.url names the host it listens on instead). */
function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("host");
  return host ? `${url.protocol}//${host}` : url.origin;
}

export async function GET(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because a link opens the wall to anyone who holds it.
    await requireAdmin(request.headers);
    return Response.json({ wallboards: await listWallboards(appContext().prisma) }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, request);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const admin = await requireAdmin(request.headers);
    const input = await readJsonBody(request, newWallboardSchema);
    const { prisma, env } = appContext();
    const created = await createWallboard(prisma, input, admin.id, env.PUBLIC_BASE_URL ?? requestOrigin(request));
    return Response.json(created, { status: 201, headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, request);
  }
}
