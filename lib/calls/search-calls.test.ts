import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import type { FlireoCallEvent, TranscriptMessage } from "@/lib/calls/call-event";
import { ApiError } from "@/lib/http/api-error";
import { MARK_END, MARK_START, splitPassage } from "@/lib/shared/calls/call-search";
import { recordCallEvent } from "./record-call-event";
import { excludedWords, searchCalls, searchWords, type CallSearch } from "./search-calls";

const database = useTestDatabase();

type Spoken = { summary?: string; transcript?: TranscriptMessage[] | string; error?: string; status?: "ended" | "ended-with-error"; line?: string; customer?: string };

async function storeCall(id: string, spoken: Spoken): Promise<void> {
  const occurredAt = new Date();
  const base: FlireoCallEvent = {
    type: "status-update",
    callId: id,
    occurredAt,
    status: spoken.status ?? "ended",
    callType: "inbound",
    lineNumber: spoken.line ?? "+31201234567",
    lineName: "Main line",
    customerNumber: spoken.customer ?? "+31612345678",
    error: spoken.error ?? null,
    endReason: null,
    metadata: null,
    report: null,
  };
  await recordCallEvent(database.pool, base, {});
  const report = { durationSeconds: 60, summary: spoken.summary ?? null, analysis: null, transcript: spoken.transcript ?? null, recordingUrl: null, startedAt: null, endedAt: null };
  await recordCallEvent(database.pool, { ...base, type: "end-of-call-report", status: "ended", error: null, occurredAt: new Date(occurredAt.getTime() + 1000), report }, {});
}

const search = async (words: string | null, rest: Partial<CallSearch> = {}): Promise<Awaited<ReturnType<typeof searchCalls>>> =>
  await searchCalls(database.prisma, { words: searchWords(words), number: null, line: null, statuses: null, from: null, to: null, after: null, limit: 50, ...rest });

const ids = (page: Awaited<ReturnType<typeof searchCalls>>) => page.hits.map((hit) => hit.call.id).sort();

describe("excludedWords", () => {
  it("finds what websearch syntax excludes", () => {
    expect(excludedWords('refund -chairs -"two broken" a-b --x - -')).toEqual(["chairs", '"two broken"', "-x"]);
  });
});

describe("searchCalls", () => {
  it("finds inflected words in English and in Dutch, in the summary, the transcript, the error", async () => {
    await storeCall("s-refund", { summary: "The customer wanted refunds for two broken chairs." });
    await storeCall("s-terug", { transcript: [{ role: "assistant", content: "Goedemiddag." }, { role: "user", content: "Ik wacht nog op mijn terugbetalingen." }] });
    await storeCall("s-legacy", { transcript: "AI: Welkom.\nGebruiker: De bezorging van mijn pakketten is te laat." });
    await storeCall("s-error", { status: "ended-with-error", error: "STT connection failed", summary: "Nothing heard." });
    await storeCall("s-system", { transcript: [{ role: "system", content: "Never offer a discount." }, { role: "user", content: "Hello" }] });

    expect(ids(await search("refund"))).toEqual(["s-refund"]);
    expect(ids(await search("terugbetaling"))).toEqual(["s-terug"]);
    expect(ids(await search("pakket"))).toEqual(["s-legacy"]);
    expect(ids(await search("connections"))).toEqual(["s-error"]);
    // The system prompt is the same for every call: its words find none.
    expect(ids(await search("discount"))).toEqual([]);
    // Words combine: all of them, or either with OR, none with -.
    expect(ids(await search("refund chairs"))).toEqual(["s-refund"]);
    expect(ids(await search("refund OR terugbetaling"))).toEqual(["s-refund", "s-terug"]);
    expect(ids(await search("refund -chairs"))).toEqual([]);
    // Excluded in both languages: the Dutch call has only its Dutch stem of "terugbetaling".
    expect(ids(await search("mijn -terugbetaling"))).toEqual(["s-legacy"]);
    expect(ids(await search('mijn -"op mijn terugbetalingen"'))).toEqual(["s-legacy"]);
  });

  it("gives the matching passage with the words marked, as text", async () => {
    await storeCall("p-mark", { summary: `Caller <b>angry</b> about refunds ${MARK_START}x${MARK_END}; wants the money back.` });
    const [hit] = (await search("refund money", { line: null })).hits.filter((h) => h.call.id === "p-mark");
    const parts = splitPassage(hit?.passage ?? "");
    expect(parts.filter((part) => part.isMatch).map((part) => part.text)).toEqual(["refunds", "money"]);
    // Postgres's parser drops tags from a passage; the marker characters in the text are gone, so only its own marks split it.
    expect(parts.map((part) => part.text).join("")).toBe("Caller  angry  about refunds x; wants the money back");
  });

  it("marks Dutch matches in Dutch", async () => {
    await storeCall("p-nl", { summary: "De klant wil de bestellingen annuleren." });
    const [hit] = (await search("bestelling annuleren")).hits.filter((h) => h.call.id === "p-nl");
    expect(splitPassage(hit?.passage ?? "").filter((part) => part.isMatch).map((part) => part.text)).toEqual(["bestellingen", "annuleren"]);
  });

  it("filters by status, line and number alongside the words, and pages by keyset", async () => {
    for (let index = 0; index < 5; index += 1) {
      await storeCall(`k-${index}`, { summary: `Invoice question number ${index}`, line: "+31851112222", customer: `+3161111000${index}`, status: index % 2 ? "ended-with-error" : "ended", error: index % 2 ? "LLM timeout" : undefined });
    }
    expect(ids(await search("invoice", { statuses: ["ended-with-error"] }))).toEqual(["k-1", "k-3"]);
    expect(ids(await search("invoice", { line: "+31201234567" }))).toEqual([]);
    expect(ids(await search("invoice", { number: { kind: "prefix", value: "+316111100" } }))).toHaveLength(5);
    expect(ids(await search("invoice", { number: { kind: "contains", value: "10003" } }))).toEqual(["k-3"]);

    const first = await search("invoice", { limit: 2 });
    expect(first.hasMore).toBe(true);
    const seen = first.hits.map((hit) => hit.call.id);
    let page = first;
    while (page.hasMore) {
      const last = page.hits.at(-1)!.call;
      page = await search("invoice", { limit: 2, after: { createdAt: last.createdAt, id: last.id } });
      seen.push(...page.hits.map((hit) => hit.call.id));
    }
    expect(seen).toEqual(["k-4", "k-3", "k-2", "k-1", "k-0"]);
  });

  it("answers hostile input with results or a clear 422, never a database error", async () => {
    for (const words of ['"', '""', "'", "-", "--", "OR", "!", "&|!():*<->", "refund:*", "a & b | !c", "\\", "'; DROP TABLE calls; --", "\u0000refund", "😀", "x".repeat(200), "<script>alert(1)</script>", "%_%", "(", ")"]) {
      try {
        const page = await search(words);
        expect(Array.isArray(page.hits)).toBe(true);
      } catch (error) {
        expect(error, `for ${JSON.stringify(words)}`).toBeInstanceOf(ApiError);
        expect((error as ApiError).status).toBe(422);
      }
    }
    await expect(search("-")).rejects.toThrow(/Nothing to search for/);
    await expect(search("!!")).rejects.toThrow(/Nothing to search for/);
    await expect(search("x".repeat(201))).rejects.toMatchObject({ status: 422, message: expect.stringContaining("at most 200") });
    expect(await database.prisma.call.count()).toBeGreaterThan(0);
  });

  it("finds calls with nothing said when a search only excludes words", async () => {
    await storeCall("x-said", { summary: "Asked about the xylophone." });
    await database.pool.query(
      `INSERT INTO calls (id, status, status_rank, status_at, first_event_at, last_event_at) VALUES ('x-silent', 'in-progress', 1, now(), now(), now())`,
    );
    const found = ids(await search("-xylophone"));
    expect(found).toContain("x-silent");
    expect(found).not.toContain("x-said");
  });
});

describe("the search row (call_search, kept by a trigger on calls)", () => {
  const searchRow = async (id: string) =>
    (await database.pool.query<{ xmin: string; status: string; line_number: string | null; words: string }>(
      `SELECT xmin::text, status, line_number, search_vector::text AS words FROM call_search WHERE call_id = $1`,
      [id],
    )).rows[0];

  it("keeps the words current as a call changes", async () => {
    await storeCall("g-1", { summary: "Asked about parking." });
    expect(ids(await search("parking"))).toContain("g-1");
    await database.pool.query("UPDATE calls SET summary = 'Asked about the menu.' WHERE id = 'g-1'");
    expect(ids(await search("parking"))).not.toContain("g-1");
    expect(ids(await search("menu"))).toContain("g-1");
  });

  it("is not written for a call with nothing said, nor by an update that changes nothing searchable", async () => {
    const event: FlireoCallEvent = {
      type: "status-update", callId: "t-live", occurredAt: new Date(), status: "in-progress", callType: "inbound",
      lineNumber: "+31201234567", lineName: "Main line", customerNumber: "+31612345678", error: null, endReason: null, metadata: null, report: null,
    };
    await recordCallEvent(database.pool, event, {});
    await recordCallEvent(database.pool, { ...event, occurredAt: new Date(event.occurredAt.getTime() + 500), metadata: { note: "again" } }, {});
    expect(await searchRow("t-live")).toBeUndefined();

    await storeCall("t-1", { summary: "Asked about the garden." });
    const before = await searchRow("t-1");
    expect(before?.words).toContain("garden");
    await database.pool.query("UPDATE calls SET last_event_at = now(), metadata = '{\"a\": 1}', version = nextval('calls_version_seq') WHERE id = 't-1'");
    await database.pool.query("UPDATE calls SET summary = summary, status = status WHERE id = 't-1'");
    expect(await searchRow("t-1")).toEqual(before);
  });

  it("is rewritten when the words, the status or the line change", async () => {
    await storeCall("t-2", { summary: "Asked about the garden." });
    const first = await searchRow("t-2");
    await database.pool.query("UPDATE calls SET summary = 'Asked about the fence.' WHERE id = 't-2'");
    const second = await searchRow("t-2");
    expect(second?.xmin).not.toBe(first?.xmin);
    expect(second?.words).toContain("fenc");
    expect(second?.words).not.toContain("garden");

    await database.pool.query("UPDATE calls SET status = 'ended-with-error', line_number = '+31101234567' WHERE id = 't-2'");
    expect(await searchRow("t-2")).toMatchObject({ status: "ended-with-error", line_number: "+31101234567", words: second?.words });
    expect(ids(await search("fence", { statuses: ["ended-with-error"], line: "+31101234567" }))).toEqual(["t-2"]);
    expect(ids(await search("fence", { statuses: ["ended"] }))).toEqual([]);
  });

  it("is written once the first words arrive, and removed with its call", async () => {
    await database.pool.query(
      `INSERT INTO calls (id, status, status_rank, status_at, first_event_at, last_event_at) VALUES ('t-3', 'in-progress', 1, now(), now(), now())`,
    );
    expect(await searchRow("t-3")).toBeUndefined();
    await database.pool.query("UPDATE calls SET status = 'ended-with-error', error = 'LLM timeout' WHERE id = 't-3'");
    expect(await searchRow("t-3")).toMatchObject({ status: "ended-with-error" });
    expect(ids(await search("timeout"))).toContain("t-3");

    await database.pool.query("DELETE FROM calls WHERE id = 't-3'");
    expect(await searchRow("t-3")).toBeUndefined();
  });
});
