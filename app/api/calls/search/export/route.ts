// GET /api/calls/search/export?q=&number=&line=&status=&range= – the calls page's results as a streamed CSV download.
import { cookies } from "next/headers";
import { exportFileName } from "@/lib/calls/export-calls-csv";
import { exportSearchedCallsCsv } from "@/lib/calls/export-searched-calls-csv";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { streamText } from "@/lib/http/stream-text";
import { logger } from "@/lib/observability/logger";
import { parseCallsPageFilter } from "@/lib/shared/calls/call-search";
import { pickTimeZone, TIME_ZONE_COOKIE } from "@/lib/shared/time/format-time";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const filter = parseCallsPageFilter(new URL(request.url).searchParams);
    const rows = await exportSearchedCallsCsv(appContext().prisma, filter);
    const timeZone = pickTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value, appContext().env.DEFAULT_TIMEZONE);
    const fileName = exportFileName({ q: filter.number, words: filter.q, line: filter.line, status: filter.status, range: filter.range, error: "" }, timeZone);
    return new Response(
      streamText(rows, (error) => logger.error({ err: error }, "CSV export failed")),
      { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error, request);
  }
}
