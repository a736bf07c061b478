import ExcelJS from "exceljs";
import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { uniqueLine } from "./helpers";

function parseCsvLines(text: string): string[] {
  return text.split("\r\n").filter((line) => line.length > 0);
}

test.describe("[EXPORT]", () => {
  test("exports the filtered calls as CSV from the board's button", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const running = newCallId();
    const failed = newCallId();
    await sendStatus({ callId: running, status: "in-progress", lineNumber: line, lineName: "Export line" });
    await sendStatus({ callId: failed, status: "ended-with-error", lineNumber: line, lineName: "Export line", error: 'Said "no", then hung up' });
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: uniqueLine() });

    await page.goto(`/?line=${encodeURIComponent(line)}`);
    const downloading = page.waitForEvent("download");
    await page.getByTestId("export-csv").click();
    const download = await downloading;
    // Named after the filter that made it.
    expect(download.suggestedFilename()).toBe(`callboard-calls-${new Date().toISOString().slice(0, 10)}-line-${line.slice(1)}.csv`);
    const bytes = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
    // A UTF-8 byte-order mark first, so Excel reads the file as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = parseCsvLines(bytes.toString("utf8").replace(/^\uFEFF/, ""));
    expect(lines[0]).toBe('"id","status","call_type","line_name","line_number","customer_number","started_at","ended_at","duration_seconds","error","end_reason","summary"');
    expect(lines).toHaveLength(3);
    // Every cell quoted.
    expect(lines.some((row) => row.startsWith(`"${running}","in-progress","inbound","Export line","${line}",`))).toBe(true);
    expect(lines.some((row) => row.startsWith(`"${failed}","ended-with-error"`) && row.includes('"Said ""no"", then hung up"'))).toBe(true);
  });

  test("applies the status filter to the export", async ({ request, sendStatus }) => {
    const line = uniqueLine();
    const failed = newCallId();
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: line });
    await sendStatus({ callId: failed, status: "ended-with-error", lineNumber: line, error: "LLM timeout" });
    const response = await request.get(`/api/calls/export?line=${encodeURIComponent(line)}&status=error`);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(new RegExp(`filename="callboard-calls-\\d{4}-\\d\\d-\\d\\d-line-${line.slice(1)}-errors\\.csv"`));
    const lines = parseCsvLines((await response.text()).replace(/^\uFEFF/, ""));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^"${failed}","ended-with-error",`));
  });
});

test.describe("[EXPORT] Excel", () => {
  test("downloads the filtered calls as an Excel workbook from the board, numbers as text and times in the browser's zone", async ({ browser, server, accounts, sendStatus }) => {
    const context = await browser.newContext({ baseURL: server.baseUrl, storageState: accounts.admin.storageState, timezoneId: "Europe/Amsterdam" });
    const page = await context.newPage();
    const line = uniqueLine();
    const failed = newCallId();
    const startedAt = new Date(Date.now() - 5 * 60_000);
    startedAt.setUTCMilliseconds(0);
    await sendStatus({ callId: failed, status: "ended-with-error", lineNumber: line, lineName: "Excel line", customerNumber: "+31612340000", error: "=1+1", timestamp: startedAt });
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: uniqueLine() });

    await page.goto(`/?line=${encodeURIComponent(line)}&status=error`);
    await expect(page.getByTestId("error-call")).toHaveCount(1);
    const downloading = page.waitForEvent("download");
    await page.getByTestId("export-xlsx").click();
    const download = await downloading;
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
    expect(download.suggestedFilename()).toBe(`callboard-calls-${day}-line-${line.slice(1)}-errors.xlsx`);
    const bytes = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Calls");
    const header = sheet?.getRow(1).values as unknown[];
    expect(sheet?.rowCount).toBe(2);
    const row = sheet?.getRow(2);
    expect(row?.getCell(header.indexOf("Id")).value).toBe(failed);
    expect(row?.getCell(header.indexOf("Customer number")).value).toBe("+31612340000");
    expect(row?.getCell(header.indexOf("Error")).value).toBe("=1+1");
    // The start as the browser's clock in Amsterdam showed it.
    const wall = Object.fromEntries(
      new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
        .formatToParts(startedAt)
        .map((part) => [part.type, Number(part.value)]),
    );
    expect(row?.getCell(header.indexOf("Started (Europe/Amsterdam)")).value).toEqual(new Date(Date.UTC(wall.year ?? 0, (wall.month ?? 1) - 1, wall.day, wall.hour, wall.minute, wall.second)));
    const filters = Object.fromEntries((workbook.getWorksheet("Filters")?.getSheetValues() ?? []).slice(2).map((values) => [(values as unknown[])[1], (values as unknown[])[2]]));
    expect(filters).toMatchObject({ Line: line, Status: "Errors", Calls: "1", "Time zone": "Europe/Amsterdam" });
    await context.close();
  });

  test("refuses the Excel export to a signed-out visitor, and a search that cannot run with its message", async ({ request, server }) => {
    const anonymous = await fetch(`${server.baseUrl}/api/calls/export/xlsx`, { redirect: "manual" });
    expect(anonymous.status).toBe(401);
    const refused = await request.get(`/api/calls/search/export/xlsx?q=${encodeURIComponent("!!!")}`);
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/word/i);
  });
});
