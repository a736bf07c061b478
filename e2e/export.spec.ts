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
