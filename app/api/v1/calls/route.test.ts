// Integration: the read API returns what the database holds, honours every filter, pages without gaps or repeats
// while calls keep arriving, and matches its own OpenAPI document.
import { randomInt } from "node:crypto";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiGet, createApiTokenOverHttp } from "@/lib/testing/api-tokens";
import { endOfCallReport } from "@/lib/testing/end-of-call-report";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

type ApiCall = Record<string, unknown> & { id: string; status: string };
type CallList = { data: ApiCall[]; nextCursor: string | null };
type OpenApiDocument = { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>; components: Record<string, unknown> };

let server: TestServer;
let db: pg.Pool;
let token: string;

beforeAll(async () => {
  // The seeded calls carry fixed dates months back; housekeeping must not mark the in-progress ones unresolved
  // partway through the file.
  server = await startTestServer({ env: { STALE_CALL_MINUTES: String(10 * 365 * 24 * 60) } });
  db = new pg.Pool({ connectionString: server.database.url });
  token = (await createApiTokenOverHttp(server, { name: "Read API tests" })).secret;
});

afterAll(async () => {
  await db?.end();
  await server?.stop();
});

async function send(payload: unknown): Promise<void> {
  const response = await postWebhook(server.baseUrl, payload, { secret: TEST_WEBHOOK_SECRET });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function getJson<T>(pathAndQuery: string, expectedStatus = 200, secret = token): Promise<T> {
  const response = await apiGet(server, pathAndQuery, secret);
  const body = (await response.json()) as T;
  expect(response.status, `${pathAndQuery}: ${JSON.stringify(body)}`).toBe(expectedStatus);
  return body;
}

/** Every page of a listing, following nextCursor. */
async function listAll(query: string, secret = token): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = query ? "&" : "";
    const page: CallList = await getJson<CallList>(`/api/v1/calls?${query}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ""}`, 200, secret);
    ids.push(...page.data.map((call) => call.id));
    cursor = page.nextCursor;
    pages++;
    if (pages > 1000) throw new Error("Paging does not end");
  } while (cursor);
  return { ids, pages };
}

/** The ids in the API's order, newest first, as the database sorts them. */
async function inListOrder(ids: string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM calls WHERE id = ANY($1) ORDER BY created_at DESC, id DESC`, [ids]);
  return rows.map((row) => row.id);
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** What the API should say about a call, straight from its row. */
function expectedCall(row: Record<string, unknown>) {
  const at = (column: string) => iso(row[column] as Date | null);
  return {
    id: row.id,
    status: row.status === "in-progress" && row.unresolved_at ? "unresolved" : row.status,
    callType: row.call_type,
    lineNumber: row.line_number,
    lineName: row.line_name,
    customerNumber: row.customer_number,
    startedAt: at("started_at"),
    endedAt: at("ended_at"),
    firstEventAt: at("first_event_at"),
    lastEventAt: at("last_event_at"),
    durationSeconds: row.duration_seconds,
    endReason: row.end_reason,
    error: row.error,
    summary: row.summary,
    unresolvedAt: at("unresolved_at"),
    unresolvedReason: row.unresolved_reason,
    createdAt: at("created_at"),
    updatedAt: at("updated_at"),
  };
}

// Twelve calls of every kind on two lines, with numbers unique to this run, started an hour apart.
const RUN = String(randomInt(1000, 10000));
const LINE_A = `+3120${RUN}111`;
const LINE_B = `+3120${RUN}222`;
const T0 = Date.parse("2026-03-01T10:00:00.000Z");
const HOUR = 60 * 60 * 1000;
const KINDS = ["in-progress", "ended", "ended-with-error", "unresolved"] as const;
type Seeded = { id: string; index: number; kind: (typeof KINDS)[number]; line: string; customer: string };
const seeded: Seeded[] = [];
const at = (hours: number) => new Date(T0 + hours * HOUR);

async function seedCalls(): Promise<void> {
  for (let index = 0; index < 12; index++) {
    const call: Seeded = {
      id: newCallId(),
      index,
      kind: KINDS[Math.floor(index / 3)] ?? "ended",
      line: index % 2 === 0 ? LINE_A : LINE_B,
      customer: `+3168${RUN}${String(index).padStart(2, "0")}`,
    };
    seeded.push(call);
    const start = at(index);
    const base = { callId: call.id, lineNumber: call.line, lineName: index % 2 === 0 ? "Main line" : "Sales", customerNumber: call.customer };
    const report = (timestamp: Date) =>
      endOfCallReport({ ...base, timestamp, summary: `Call ${index} summary`, analysis: { index, resolved: index !== 5 }, recordingUrl: `https://recordings.example.test/${call.id}.mp3` });
    if (index === 4) {
      // Only the report came, without a start: the call counts from its first event.
      await send(report(start));
      continue;
    }
    await send(camelStatusUpdate({ ...base, status: "in-progress", timestamp: start }));
    if (call.kind === "ended") {
      await send(camelStatusUpdate({ ...base, status: "ended", timestamp: new Date(start.getTime() + 5 * 60_000) }));
      await send(report(new Date(start.getTime() + 5 * 60_000 + 1_000)));
    }
    if (call.kind === "ended-with-error") {
      await send(camelStatusUpdate({ ...base, status: "ended-with-error", error: "LLM response timeout", timestamp: new Date(start.getTime() + 2 * 60_000) }));
    }
  }
  const unresolved = seeded.filter((call) => call.kind === "unresolved").map((call) => call.id);
  await db.query(`UPDATE calls SET unresolved_at = now(), unresolved_reason = 'No webhook from Flireo for this call in 2 h.' WHERE id = ANY($1)`, [unresolved]);
}

const seededIds = (pick: (call: Seeded) => boolean) => seeded.filter(pick).map((call) => call.id);

describe("GET /api/v1/calls", () => {
  beforeAll(seedCalls, 60_000);

  it("returns exactly the calls the database holds, field by field, newest first", async () => {
    const page = await getJson<CallList>("/api/v1/calls?limit=200");
    const { rows } = await db.query(`SELECT * FROM calls ORDER BY created_at DESC, id DESC`);
    expect(rows).toHaveLength(12);
    expect(page.data).toEqual(rows.map(expectedCall));
    expect(page.nextCursor).toBeNull();
    expect(new Set(page.data.map((call) => call.status))).toEqual(new Set(KINDS));
  });

  it("defaults to 50 calls a page and follows nextCursor to the end with any page size", async () => {
    const all = await inListOrder(seededIds(() => true));
    for (const limit of [1, 2, 5, 11, 12, 13]) {
      const { ids, pages } = await listAll(`limit=${limit}`);
      expect(ids, `limit=${limit}`).toEqual(all);
      expect(pages).toBe(Math.max(1, Math.ceil(12 / limit)));
    }
    expect((await listAll("")).pages).toBe(1);
  });

  it.each([
    ["+31 68" + RUN, () => true],
    ["0031 68" + RUN, () => true],
    ["06-8" + RUN, () => true],
    ["068" + RUN, () => true],
    [RUN, () => true],
    [`8${RUN}05`, (call: Seeded) => call.index === 5],
    [`+3168${RUN}07`, (call: Seeded) => call.index === 7],
    [`+31 20 ${RUN} 222`, (call: Seeded) => call.line === LINE_B],
    ["+44 20", () => false],
  ])("filters by number %s as the board does (customer's or line's number)", async (number, pick) => {
    const { ids } = await listAll(`number=${encodeURIComponent(number)}&limit=5`);
    expect(ids).toEqual(await inListOrder(seededIds(pick)));
  });

  it("filters by line, with or without the + encoded", async () => {
    const expected = await inListOrder(seededIds((call) => call.line === LINE_A));
    expect(expected).toHaveLength(6);
    expect((await listAll(`line=${encodeURIComponent(LINE_A)}&limit=4`)).ids).toEqual(expected);
    expect((await listAll(`line=${LINE_A}`)).ids).toEqual(expected);
    expect((await listAll(`line=${encodeURIComponent(`+3120${RUN}333`)}`)).ids).toEqual([]);
  });

  it.each([
    ["in-progress", ["in-progress"]],
    ["ended", ["ended"]],
    ["ended-with-error", ["ended-with-error"]],
    ["unresolved", ["unresolved"]],
    ["ended,unresolved", ["ended", "unresolved"]],
    ["in-progress&status=ended-with-error", ["in-progress", "ended-with-error"]],
  ])("filters by status=%s", async (status, kinds) => {
    const { ids } = await listAll(`status=${status}&limit=2`);
    expect(ids).toEqual(await inListOrder(seededIds((call) => kinds.includes(call.kind))));
  });

  it.each([
    [`from=${at(3).toISOString()}`, (call: Seeded) => call.index >= 3],
    [`to=${at(6).toISOString()}`, (call: Seeded) => call.index < 6],
    [`from=${at(3).toISOString()}&to=${at(6).toISOString()}`, (call: Seeded) => call.index >= 3 && call.index < 6],
    // Call 4 has no start: its first event counts, and the bounds are from inclusive, to exclusive.
    [`from=${at(4).toISOString()}`, (call: Seeded) => call.index >= 4],
    [`to=${at(4).toISOString()}`, (call: Seeded) => call.index < 4],
    [`from=${encodeURIComponent("2026-03-01T14:00:00+01:00")}`, (call: Seeded) => call.index >= 3],
    ["from=2026-03-01T14:00:00+01:00", (call: Seeded) => call.index >= 3],
    ["from=2026-03-01", () => true],
    ["from=2026-03-02", () => false],
    [`from=${new Date(at(3).getTime() + 1).toISOString()}`, (call: Seeded) => call.index >= 4],
  ])("filters by start time: %s", async (query, pick) => {
    const { ids } = await listAll(`${query}&limit=3`);
    expect(ids).toEqual(await inListOrder(seededIds(pick)));
  });

  it.each([
    [`line=${encodeURIComponent(LINE_A)}&status=ended`, (call: Seeded) => call.index === 4],
    [`number=${encodeURIComponent(`+3168${RUN}`)}&status=ended-with-error&from=${at(7).toISOString()}`, (call: Seeded) => call.index === 7 || call.index === 8],
    [`line=${encodeURIComponent(LINE_B)}&status=unresolved&to=${at(11).toISOString()}`, (call: Seeded) => call.index === 9],
    [`number=06-8${RUN}&line=${encodeURIComponent(LINE_B)}&status=in-progress,ended&from=2026-03-01&to=${at(5).toISOString()}`, (call: Seeded) => [1, 3].includes(call.index)],
  ])("combines filters: %s", async (query, pick) => {
    const { ids } = await listAll(`${query}&limit=1`);
    expect(ids).toEqual(await inListOrder(seededIds(pick)));
  });

  it("answers 400 naming the bad parameters, and refuses a changed cursor", async () => {
    const bad = await getJson<{ error: { code: string; message: string; details: { parameter: string }[] } }>("/api/v1/calls?status=live&limit=500&sort=asc", 400);
    expect(bad.error.code).toBe("bad_request");
    expect(bad.error.details.map((problem) => problem.parameter).sort()).toEqual(["limit", "sort", "status"]);
    expect(bad.error.message).toContain("in-progress, ended, ended-with-error, unresolved");

    const { nextCursor } = await getJson<CallList>("/api/v1/calls?limit=2");
    expect(nextCursor).toEqual(expect.any(String));
    const cursor = nextCursor ?? "";
    const changed = `${cursor.slice(0, 5)}${cursor[5] === "A" ? "B" : "A"}${cursor.slice(6)}`;
    for (const tampered of [changed, `${cursor}x`, "garbage", cursor.split(".")[0] ?? ""]) {
      const refused = await getJson<{ error: { code: string; message: string } }>(`/api/v1/calls?cursor=${encodeURIComponent(tampered)}`, 400);
      expect(refused.error).toMatchObject({ code: "bad_request", message: expect.stringContaining("cursor is not one Callboard issued") });
    }
  });
});

describe("GET /api/v1/calls/{id}", () => {
  it("returns each call with its events in the order they happened and its end-of-call report", async () => {
    for (const call of seeded) {
      const detail = await getJson<ApiCall & { events: Record<string, unknown>[]; report: Record<string, unknown> | null }>(`/api/v1/calls/${call.id}`);
      const { rows: callRows } = await db.query(`SELECT * FROM calls WHERE id = $1`, [call.id]);
      const { events, report, ...fields } = detail;
      expect(fields).toEqual(expectedCall(callRows[0]));
      const { rows: eventRows } = await db.query(`SELECT * FROM call_events WHERE call_id = $1 ORDER BY occurred_at, id`, [call.id]);
      expect(events).toEqual(
        eventRows.map((row) => ({ id: String(row.id), type: row.type, status: row.status, occurredAt: iso(row.occurred_at), receivedAt: iso(row.received_at), payload: row.payload })),
      );
      const times = events.map((event) => event.occurredAt as string);
      expect(times).toEqual([...times].sort());
      const row = callRows[0];
      if (call.kind === "ended") {
        expect(report).toEqual({
          summary: row.summary,
          analysis: row.analysis,
          transcript: row.transcript,
          recordingUrl: row.recording_url,
          durationSeconds: row.duration_seconds,
          endReason: row.end_reason,
        });
        expect(report).toMatchObject({ summary: `Call ${call.index} summary`, analysis: { index: call.index }, transcript: [{ role: "assistant", content: "Hello!" }] });
        expect(events.at(-1)?.type).toBe("end-of-call-report");
      } else {
        expect(report, call.kind).toBeNull();
      }
    }
  });

  it("answers 404 for an unknown id", async () => {
    for (const id of ["no-such-call", "a/b", "ünïcode"]) {
      const body = await getJson<{ error: { code: string; message: string } }>(`/api/v1/calls/${encodeURIComponent(id)}`, 404);
      expect(body.error).toEqual({ code: "not_found", message: expect.stringContaining(`No call with id ${id}`) });
    }
  });
});

describe("the OpenAPI document", () => {
  let document: OpenApiDocument;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS; under ESM its function is the default export's default.
  const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (instance: Ajv2020) => void;
  addFormats(ajv);
  const DOCUMENT_ID = "https://callboard.test/openapi.json";

  /** Validates a real response against the schema the document gives for that path, method and status. */
  function expectDocumented(path: string, status: number, body: unknown): void {
    const schema = document.paths[path]?.get?.responses[String(status)]?.content?.["application/json"]?.schema;
    expect(schema, `${path} ${status} is documented`).toBeDefined();
    const absolute = JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${DOCUMENT_ID}#/`)) as object;
    const validate = ajv.compile(absolute);
    expect(validate(body), `${path} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  }

  beforeAll(async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
    ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
  });

  it("is served without a token and is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document).toMatchObject({
      openapi: "3.1.0",
      security: [{ bearerAuth: [] }],
      components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } } },
    });
    const parameters = document.paths["/api/v1/calls"]?.get?.parameters?.map((parameter) => `${parameter.in}:${parameter.name}`);
    expect(parameters).toEqual(["query:q", "query:number", "query:line", "query:status", "query:from", "query:to", "query:limit", "query:cursor"]);
    expect(Object.keys(document.paths["/api/v1/calls"]?.get?.responses ?? {}).sort()).toEqual(["200", "400", "401", "422", "429", "503"]);
    expect(Object.keys(document.paths["/api/v1/calls/{id}"]?.get?.responses ?? {}).sort()).toEqual(["200", "401", "404", "429", "503"]);
    // Every component is named and is a schema Ajv can compile (JSON Schema 2020-12, as OpenAPI 3.1 uses).
    const names = Object.keys((document.components as { schemas: object }).schemas);
    expect(names.sort()).toEqual(["Call", "CallCommand", "CallDetail", "CallEvent", "CallList", "EndOfCallReport", "Error", "JsonValue", "Transcript"]);
    for (const name of names) {
      expect(() => ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/${name}`), name).not.toThrow();
    }
  });

  it("describes the responses the API really gives", async () => {
    expectDocumented("/api/v1/calls", 200, await getJson("/api/v1/calls?limit=3"));
    expectDocumented("/api/v1/calls", 200, await getJson("/api/v1/calls?status=unresolved"));
    expectDocumented("/api/v1/calls", 400, await getJson("/api/v1/calls?limit=0", 400));
    expectDocumented("/api/v1/calls", 401, await getJson("/api/v1/calls", 401, "cb_live_wrong"));
    for (const call of seeded) expectDocumented("/api/v1/calls/{id}", 200, await getJson(`/api/v1/calls/${call.id}`));
    expectDocumented("/api/v1/calls/{id}", 404, await getJson("/api/v1/calls/nope", 404));
  });

  it("would catch a response that drifted from it", () => {
    const drifted = { data: [{ id: "x", status: "live" }], nextCursor: null };
    const schema = document.paths["/api/v1/calls"]?.get?.responses["200"]?.content?.["application/json"]?.schema;
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${DOCUMENT_ID}#/`)) as object);
    expect(validate(drifted)).toBe(false);
  });
});

describe("paging while calls arrive", () => {
  it("neither skips nor repeats any call that existed when paging began, newest first", async () => {
    const pagingToken = (await createApiTokenOverHttp(server, { name: "Pager" })).secret;
    // 500 more calls, started over the last few hours.
    const started = Array.from({ length: 500 }, (_, index) => ({ id: newCallId(), at: new Date(Date.now() - (index + 1) * 20_000) }));
    for (let offset = 0; offset < started.length; offset += 25) {
      await Promise.all(
        started.slice(offset, offset + 25).map((call) => send(camelStatusUpdate({ callId: call.id, status: "in-progress", timestamp: call.at, customerNumber: `+3161${String(randomInt(1e6, 1e7))}` }))),
      );
    }
    const { rows: before } = await db.query<{ id: string; started_at: Date | null }>(`SELECT id, started_at FROM calls ORDER BY created_at DESC, id DESC`);
    expect(before.length).toBeGreaterThanOrEqual(started.length);

    // Meanwhile: new calls, ends, and late events dated earlier than anything seen (they move started_at back).
    let isPaging = true;
    let newCalls = 0;
    const traffic = async () => {
      while (isPaging) {
        const existing = started[randomInt(started.length)];
        if (!existing) continue;
        await Promise.all([
          send(camelStatusUpdate({ callId: newCallId(), status: "in-progress" })).then(() => newCalls++),
          send(camelStatusUpdate({ callId: existing.id, status: "in-progress", timestamp: new Date(existing.at.getTime() - 24 * HOUR) })),
          send(camelStatusUpdate({ callId: started[randomInt(started.length)]?.id, status: "ended" })),
        ]);
      }
    };
    const senders = [traffic(), traffic()];
    let paged: { ids: string[]; pages: number };
    try {
      paged = await listAll("limit=7", pagingToken);
    } finally {
      isPaging = false;
      await Promise.all(senders);
    }

    const { ids } = paged;
    expect(new Set(ids).size, "no call is listed twice").toBe(ids.length);
    const seen = new Set(ids);
    const missing = before.filter((row) => !seen.has(row.id));
    expect(missing, "no call that existed at the start is skipped").toEqual([]);
    expect(ids).toEqual(await inListOrder(ids));
    expect(paged.pages).toBeGreaterThanOrEqual(Math.ceil(before.length / 7));

    // The traffic really overlapped the paging and really moved starts, the key a naive cursor would use.
    expect(newCalls).toBeGreaterThan(5);
    const { rows: after } = await db.query<{ id: string; started_at: Date | null }>(`SELECT id, started_at FROM calls WHERE id = ANY($1)`, [before.map((row) => row.id)]);
    const startBefore = new Map(before.map((row) => [row.id, row.started_at?.getTime()]));
    expect(after.filter((row) => row.started_at?.getTime() !== startBefore.get(row.id)).length).toBeGreaterThan(5);
  }, 120_000);
});

describe("GET /api/v1/calls?q=", () => {
  const word = `zq${randomInt(1e6, 1e7)}`;
  const ids = { refund: newCallId(), terug: newCallId(), other: newCallId() };

  beforeAll(async () => {
    const texts: [string, string][] = [
      [ids.refund, `The caller wanted refunds for ${word}.`],
      [ids.terug, `De beller vroeg om terugbetalingen van ${word}.`],
      [ids.other, `Opening hours of ${word}.`],
    ];
    for (const [callId, summary] of texts) {
      await send(camelStatusUpdate({ callId, status: "in-progress" }));
      await send(endOfCallReport({ callId, summary }));
    }
  });

  it("finds calls by what was said, by English and Dutch stems, and pages through them", async () => {
    expect((await listAll(`q=${encodeURIComponent(`refund ${word}`)}`)).ids).toEqual([ids.refund]);
    expect((await listAll(`q=${encodeURIComponent(`terugbetaling ${word}`)}`)).ids).toEqual([ids.terug]);
    expect((await listAll(`q=${word}&limit=1`)).ids).toEqual(await inListOrder(Object.values(ids)));
    expect((await listAll(`q=${encodeURIComponent(`${word} -refund -terugbetaling`)}&status=ended`)).ids).toEqual([ids.other]);
  });

  it("answers hostile searches 200 or 422, never 500", async () => {
    for (const q of ['"', "-", "!!", "&|!():*", "'; DROP TABLE calls; --", "%00refund", "\\", "x".repeat(200), "x".repeat(201), "a".repeat(5000)]) {
      const response = await apiGet(server, `/api/v1/calls?q=${q.startsWith("%") ? q : encodeURIComponent(q)}`, token);
      expect([200, 422], `q=${q.slice(0, 20)}: ${response.status}`).toContain(response.status);
      if (response.status === 422) expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unprocessable");
    }
    const tooLong = await getJson<{ error: { message: string } }>(`/api/v1/calls?q=${"x".repeat(201)}`, 422);
    expect(tooLong.error.message).toContain("at most 200");
  });

  it("documents q in the OpenAPI document", async () => {
    const document = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as OpenApiDocument;
    const list = document.paths["/api/v1/calls"]?.get;
    expect(list?.parameters?.map((parameter) => parameter.name)).toContain("q");
    expect(Object.keys(list?.responses ?? {})).toContain("422");
  });
});
