// GET /api/calls/export?q=&line=&status=&range= – the filtered calls as a streamed CSV download.
import { parseCallFilter } from "@/lib/shared/calls/call-filter";
import { exportCallsCsv, exportFileName } from "@/lib/calls/export-calls-csv";
import { appContext } from "@/lib/context/current";
import { streamText } from "@/lib/http/stream-text";
import { logger } from "@/lib/observability/logger";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const filter = parseCallFilter(new URL(request.url).searchParams);
  const body = streamText(exportCallsCsv(appContext().prisma, filter), (error) => logger.error({ err: error }, "CSV export failed"));
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName()}"`,
      "cache-control": "no-store",
    },
  });
}
