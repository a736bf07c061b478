// GET /api/calls/search/export?q=&number=&line=&status=&range= – the calls page's results as a streamed CSV download.
import { exportFileName } from "@/lib/calls/export-calls-csv";
import { exportSearchedCallsCsv } from "@/lib/calls/export-searched-calls-csv";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { streamText } from "@/lib/http/stream-text";
import { logger } from "@/lib/observability/logger";
import { parseCallsPageFilter } from "@/lib/shared/calls/call-search";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const rows = await exportSearchedCallsCsv(appContext().prisma, parseCallsPageFilter(new URL(request.url).searchParams));
    return new Response(
      streamText(rows, (error) => logger.error({ err: error }, "CSV export failed")),
      { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${exportFileName()}"`, "cache-control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
