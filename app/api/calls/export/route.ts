// GET /api/calls/export?q=&line=&status=&range=&error= – the filtered calls as a streamed CSV download, with a
// byte-order mark for Excel and a file name that names the filters.
import { cookies } from "next/headers";
import { parseCallFilter } from "@/lib/shared/calls/call-filter";
import { pickTimeZone, TIME_ZONE_COOKIE } from "@/lib/shared/time/format-time";
import { env } from "@/lib/env";
import { callsCsv, exportedCallPages, exportFileName, withFirstPageRead } from "@/lib/calls/export-calls-csv";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { streamText } from "@/lib/http/stream-text";
import { logger } from "@/lib/observability/logger";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const filter = parseCallFilter(new URL(request.url).searchParams);
    // The day in the file name is the reader's, as on the board (components/ui/time-zone.tsx sets the cookie).
    const timeZone = pickTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value, env.DEFAULT_TIMEZONE);
    const pages = await withFirstPageRead(exportedCallPages(appContext().prisma, filter));
    const body = streamText(callsCsv(pages), (error) => logger.error({ err: error }, "CSV export failed"));
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${exportFileName(filter, timeZone)}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
