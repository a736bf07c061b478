// GET /api/calls/commands?user=&from=&to=&limit= – every command sent to live calls, newest first (admins only):
// `user` is a user's email (or "cli"), `from`/`to` ISO times.
import { listCommands } from "@/lib/call-control/call-commands";
import { appContext } from "@/lib/context/current";
import { requireAdmin } from "@/lib/context/session";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { describeIssues } from "@/lib/http/read-json-body";
import { z } from "zod";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  user: z.string().trim().min(1).max(320).optional(),
  from: z.iso.datetime({ offset: true, error: "from must be an ISO time such as 2026-12-07T09:00:00Z" }).optional(),
  to: z.iso.datetime({ offset: true, error: "to must be an ISO time such as 2026-12-07T17:00:00Z" }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export async function GET(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because this names who did what.
    await requireAdmin(request.headers);
    const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new ApiError("unprocessable", `Check the filters: ${describeIssues(parsed.error.issues)}`);
    const { user, from, to, limit } = parsed.data;
    const commands = await listCommands(appContext().prisma, {
      actor: user,
      from: from ? new Date(from) : undefined,
      to: to ? new Date(to) : undefined,
      limit,
    });
    return Response.json({ commands }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
