// The Excel export as Excel reads it: parsed back with exceljs, phone numbers are text with their '+', times are the
// reader's wall-clock time, hostile text stays text, and the Filters sheet says what made the file.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EMPTY_FILTER } from "@/lib/shared/calls/call-filter";
import type { CallView } from "@/lib/shared/calls/call-view";
import { describeExportFilters, streamCallsXlsx, toWallClockDate } from "./export-calls-xlsx";

function call(overrides: Partial<CallView>): CallView {
  return {
    id: "call-1",
    status: "ended",
    callType: "inbound",
    lineNumber: "+31201234567",
    lineName: "Support NL",
    customerNumber: "+31612345678",
    startedAt: "2026-07-01T20:13:20.000Z",
    endedAt: "2026-07-01T20:15:05.000Z",
    firstEventAt: "2026-07-01T20:13:20.000Z",
    lastEventAt: "2026-07-01T20:15:05.000Z",
    error: null,
    endReason: "customer-ended-call",
    durationSeconds: 105,
    summary: "Asked about opening hours.",
    unresolvedAt: null,
    unresolvedReason: null,
    version: 3,
    ...overrides,
  };
}

async function* pagesOf(...pages: CallView[][]): AsyncGenerator<CallView[]> {
  // As the database gives them: a page at a time, each after a wait.
  for (const page of pages) yield await Promise.resolve(page);
}

async function readWorkbook(stream: ReadableStream<Uint8Array>): Promise<ExcelJS.Workbook> {
  const buffer = Buffer.from(await new Response(stream).arrayBuffer());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe("streamCallsXlsx", () => {
  it("writes numbers as text, times in the reader's zone and a sheet of the filters", async () => {
    const filter = { ...EMPTY_FILTER, line: "+31201234567", status: "error" as const, range: "24h" as const };
    const failed = call({ id: "call-2", status: "ended-with-error", error: "=HYPERLINK(\"http://evil.example\")", startedAt: "2026-01-15T08:00:00.000Z", endedAt: null, customerNumber: "+31000000001" });
    const workbook = await readWorkbook(
      streamCallsXlsx(pagesOf([call({})], [failed]), { timeZone: "Europe/Amsterdam", filters: describeExportFilters(filter), now: new Date("2026-07-01T21:00:00Z"), onError: () => {} }),
    );
    const sheet = workbook.getWorksheet("Calls");
    expect(sheet?.rowCount).toBe(3);
    const header = sheet?.getRow(1).values as unknown[];
    expect(header).toContain("Started (Europe/Amsterdam)");
    expect(header).toContain("Customer number");
    const customerColumn = header.indexOf("Customer number");
    const startedColumn = header.indexOf("Started (Europe/Amsterdam)");
    const errorColumn = header.indexOf("Error");

    const first = sheet?.getRow(2);
    const customer = first?.getCell(customerColumn);
    // Text, with the '+', in a text-formatted column: Excel does not turn it into 31612345678.
    expect(customer?.type).toBe(ExcelJS.ValueType.String);
    expect(customer?.value).toBe("+31612345678");
    expect(customer?.numFmt).toBe("@");
    // 20:13:20 UTC is 22:13:20 in Amsterdam in summer, 08:00 UTC is 09:00 in winter: the cell holds the wall clock.
    expect(first?.getCell(startedColumn).value).toEqual(new Date(Date.UTC(2026, 6, 1, 22, 13, 20)));
    expect(first?.getCell(startedColumn).numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    const second = sheet?.getRow(3);
    expect(second?.getCell(startedColumn).value).toEqual(new Date(Date.UTC(2026, 0, 15, 9, 0, 0)));
    // Text that looks like a formula stays text.
    expect(second?.getCell(errorColumn).type).toBe(ExcelJS.ValueType.String);
    expect(second?.getCell(errorColumn).value).toBe("=HYPERLINK(\"http://evil.example\")");

    const filters = workbook.getWorksheet("Filters");
    const rows = Object.fromEntries((filters?.getSheetValues() ?? []).slice(2).map((row) => [(row as unknown[])[1], (row as unknown[])[2]]));
    expect(rows).toMatchObject({ Line: "+31201234567", Status: "Errors", Started: "Last 24 hours", Number: "Any", Calls: "2", "Time zone": "Europe/Amsterdam" });
    expect(String(rows.Exported)).toContain("23:00");
  });

  it("writes an empty export as a header and its filters", async () => {
    const workbook = await readWorkbook(streamCallsXlsx(pagesOf([]), { timeZone: "UTC", filters: describeExportFilters({ ...EMPTY_FILTER, words: "refund" }), onError: () => {} }));
    expect(workbook.getWorksheet("Calls")?.rowCount).toBe(1);
    const values = (workbook.getWorksheet("Filters")?.getSheetValues() ?? []).map((row) => (row as unknown[] | undefined)?.[2]);
    expect(values).toContain("refund");
  });

  it("breaks the download when reading the calls fails, rather than end a file that looks complete", async () => {
    const errors: unknown[] = [];
    async function* failing(): AsyncGenerator<CallView[]> {
      yield await Promise.resolve([call({})]);
      throw new Error("statement timeout");
    }
    await expect(new Response(streamCallsXlsx(failing(), { timeZone: "UTC", filters: [], onError: (error) => errors.push(error) })).arrayBuffer()).rejects.toThrow();
    expect(errors).toHaveLength(1);
  });
});

describe("toWallClockDate", () => {
  it("gives the wall-clock time of the zone, across the switch to summer time", () => {
    expect(toWallClockDate("2026-03-29T00:59:59Z", "Europe/Amsterdam")).toEqual(new Date(Date.UTC(2026, 2, 29, 1, 59, 59)));
    expect(toWallClockDate("2026-03-29T01:00:00Z", "Europe/Amsterdam")).toEqual(new Date(Date.UTC(2026, 2, 29, 3, 0, 0)));
    expect(toWallClockDate(null, "UTC")).toBeNull();
  });
});
