// GET /api/calls/export?q=&line=&status=&range= – the filtered calls as a streamed CSV download.
import { parseCallFilter } from "@/lib/calls/call-filter";
import { exportCallsCsv, exportFileName } from "@/lib/calls/export-calls-csv";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const filter = parseCallFilter(new URL(request.url).searchParams);
  const rows = exportCallsCsv(getPrisma(), filter);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are already sent: all that is left is to break the download, so it cannot look complete.
        console.error("CSV export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName()}"`,
      "cache-control": "no-store",
    },
  });
}
