// GET /api/calls/export/xlsx?q=&line=&status=&range=&error= – the filtered calls as an Excel workbook, beside the CSV:
// the same filters and access, numbers as text, times in the reader's zone, a sheet naming the filters.
import { cookies } from "next/headers";
import { parseCallFilter } from "@/lib/shared/calls/call-filter";
import { pickTimeZone, TIME_ZONE_COOKIE } from "@/lib/shared/time/format-time";
import { env } from "@/lib/env";
import { exportedCallPages, exportFileName, withFirstPageRead } from "@/lib/calls/export-calls-csv";
import { describeExportFilters, streamCallsXlsx, XLSX_CONTENT_TYPE } from "@/lib/calls/export-calls-xlsx";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { logger } from "@/lib/observability/logger";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const filter = parseCallFilter(new URL(request.url).searchParams);
    const timeZone = pickTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value, env.DEFAULT_TIMEZONE);
    // The first page is read here, so a database that cannot answer is a 503, not a broken workbook.
    const pages = await withFirstPageRead(exportedCallPages(appContext().prisma, filter));
    const body = streamCallsXlsx(pages, {
      timeZone,
      filters: describeExportFilters(filter),
      onError: (error) => logger.error({ err: error }, "Excel export failed"),
    });
    return new Response(body, {
      headers: {
        "content-type": XLSX_CONTENT_TYPE,
        "content-disposition": `attachment; filename="${exportFileName(filter, timeZone, new Date(), "xlsx")}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
