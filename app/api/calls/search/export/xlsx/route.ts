// GET /api/calls/search/export/xlsx?q=&number=&line=&status=&range= – the calls page's results as an Excel workbook.
import { cookies } from "next/headers";
import { exportFileName } from "@/lib/calls/export-calls-csv";
import { describeExportFilters, streamCallsXlsx, XLSX_CONTENT_TYPE } from "@/lib/calls/export-calls-xlsx";
import { searchedCallPages } from "@/lib/calls/export-searched-calls-csv";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { logger } from "@/lib/observability/logger";
import { parseCallsPageFilter } from "@/lib/shared/calls/call-search";
import { pickTimeZone, TIME_ZONE_COOKIE } from "@/lib/shared/time/format-time";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const filter = parseCallsPageFilter(new URL(request.url).searchParams);
    // The first page is read here, so a search that cannot run is a 422, not a broken file.
    const pages = await searchedCallPages(appContext().prisma, filter);
    const timeZone = pickTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value, appContext().env.DEFAULT_TIMEZONE);
    const asBoardFilter = { q: filter.number, words: filter.q, line: filter.line, status: filter.status, range: filter.range, error: "" };
    const body = streamCallsXlsx(pages, { timeZone, filters: describeExportFilters(asBoardFilter), onError: (error) => logger.error({ err: error }, "Excel export failed") });
    return new Response(body, {
      headers: { "content-type": XLSX_CONTENT_TYPE, "content-disposition": `attachment; filename="${exportFileName(asBoardFilter, timeZone, new Date(), "xlsx")}"`, "cache-control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
