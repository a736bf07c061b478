// The webhook admission over real HTTP: how many run at once, who waits, and who gets a 503.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createWebhookAdmission, type WebhookAdmission } from "./webhook-admission";

let server: http.Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

type Harness = { url: string; admission: WebhookAdmission; started: string[]; release: (name: string) => void };

/** A server whose handler records each request's name (its body) when it starts, and answers only when released. */
async function serve(options: Parameters<typeof createWebhookAdmission>[0]): Promise<Harness> {
  const admission = createWebhookAdmission(options);
  const started: string[] = [];
  const held = new Map<string, () => void>();
  server = http.createServer((request, response) => {
    admission.admit(request, response, () => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const name = Buffer.concat(chunks).toString().slice(0, 20);
        started.push(name);
        held.set(name, () => response.end(`done ${name}`));
      });
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, admission, started, release: (name) => held.get(name)?.() };
}

/** Posts `body`, optionally holding back its last byte until `finish` is called. */
function post(url: string, body: string, options: { holdLastByte?: boolean } = {}) {
  const request = http.request(url, { method: "POST", headers: { "content-length": Buffer.byteLength(body) } });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    request.on("response", (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
  });
  if (options.holdLastByte) request.write(body.slice(0, -1));
  else request.end(body);
  return { answer, finish: () => request.end(body.slice(-1)), abort: () => request.destroy() };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe("createWebhookAdmission", () => {
  it("hands at most maxConcurrent webhooks on at once, the others in the order they came as earlier ones finish", async () => {
    const harness = await serve({ maxInFlight: 10, maxConcurrent: 2 });
    const answers = ["a", "b", "c", "d"].map((name) => post(harness.url, name).answer);
    await until(() => harness.started.length === 2);
    await settle();
    expect(harness.started).toEqual(["a", "b"]);
    expect(harness.admission).toMatchObject({ inFlight: 4, running: 2 });

    harness.release("b");
    await until(() => harness.started.length === 3);
    expect(harness.started).toEqual(["a", "b", "c"]);
    for (const name of ["a", "c", "d"]) {
      await until(() => harness.started.includes(name));
      harness.release(name);
    }
    expect((await Promise.all(answers)).map((answer) => answer.text)).toEqual(["done a", "done b", "done c", "done d"]);
    expect(harness.admission).toMatchObject({ inFlight: 0, running: 0 });
  });

  it("gives no turn to a webhook whose body is still arriving, so a slow sender holds up nobody", async () => {
    const harness = await serve({ maxInFlight: 10, maxConcurrent: 1 });
    const slow = post(harness.url, "slow", { holdLastByte: true });
    await settle();
    const quick = post(harness.url, "quick");
    await until(() => harness.started.length === 1);
    expect(harness.started).toEqual(["quick"]);
    harness.release("quick");
    await quick.answer;

    slow.finish();
    await until(() => harness.started.length === 2);
    harness.release("slow");
    expect(await slow.answer).toEqual({ status: 200, text: "done slow" });
  });

  it("streams a body larger than Node buffers at once, without waiting for a turn", async () => {
    const harness = await serve({ maxInFlight: 10, maxConcurrent: 1 });
    const first = post(harness.url, "first");
    await until(() => harness.started.length === 1);
    const large = post(harness.url, `large${"x".repeat(256 * 1024)}`);
    await until(() => harness.started.length === 2);
    expect(harness.started[1]).toMatch(/^large/);
    harness.release(harness.started[1]!);
    expect((await large.answer).status).toBe(200);
    harness.release("first");
    await first.answer;
  });

  it("answers 503 with Retry-After past maxInFlight, and to one that waits longer than maxTurnWaitMs for its turn", async () => {
    const harness = await serve({ maxInFlight: 2, maxConcurrent: 1, maxTurnWaitMs: 300 });
    const running = post(harness.url, "running");
    await until(() => harness.started.length === 1);
    const waiting = post(harness.url, "waiting");
    await settle();
    const refused = await post(harness.url, "refused").answer;
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.text)).toEqual({ error: { code: "unavailable", message: expect.stringContaining("already handling 2 webhooks") } });

    const timedOut = await waiting.answer;
    expect(timedOut.status).toBe(503);
    expect(JSON.parse(timedOut.text).error.message).toContain("could not take this webhook within 0.3 s");
    expect(harness.started).toEqual(["running"]);
    harness.release("running");
    await running.answer;
    expect(harness.admission).toMatchObject({ inFlight: 0, running: 0 });
  });

  it("holds at most maxPerSource webhooks from one address, and frees its places as they are answered", async () => {
    const harness = await serve({ maxInFlight: 10, maxConcurrent: 4, maxPerSource: 2, sourceOf: (request) => String(request.headers["x-source"]) });
    const postAs = (source: string, body: string) => {
      const request = http.request(harness.url, { method: "POST", headers: { "content-length": Buffer.byteLength(body), "x-source": source } });
      const answer = new Promise<number>((resolve, reject) => {
        request.on("response", (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on("error", reject);
      });
      request.end(body);
      return answer;
    };
    const first = [postAs("a", "a1"), postAs("a", "a2")];
    await until(() => harness.started.length === 2);
    expect(await postAs("a", "a3")).toBe(503);
    const other = postAs("b", "b1");
    await until(() => harness.started.includes("b1"));
    harness.release("a1");
    expect(await first[0]).toBe(200);
    const again = postAs("a", "a4");
    await until(() => harness.started.includes("a4"));
    for (const name of ["a2", "b1", "a4"]) harness.release(name);
    expect(await Promise.all([first[1], other, again])).toEqual([200, 200, 200]);
  });

  it("frees the place of a sender that gives up while it waits", async () => {
    const harness = await serve({ maxInFlight: 10, maxConcurrent: 1 });
    const running = post(harness.url, "running");
    await until(() => harness.started.length === 1);
    const gone = post(harness.url, "gone");
    gone.answer.catch(() => {});
    await settle();
    expect(harness.admission.inFlight).toBe(2);
    gone.abort();
    await until(() => harness.admission.inFlight === 1);
    const next = post(harness.url, "next");
    harness.release("running");
    await until(() => harness.started.length === 2);
    expect(harness.started).toEqual(["running", "next"]);
    harness.release("next");
    await next.answer;
    await running.answer;
  });
});
