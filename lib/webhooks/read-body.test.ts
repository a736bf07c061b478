// Reading a webhook's body off Node's request within a limit, over real HTTP.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { readBody } from "./read-body";

let server: http.Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A server that answers each request with what `read` made of its body (or the error's code). */
async function serve(read: (request: http.IncomingMessage) => Promise<Buffer>): Promise<string> {
  server = http.createServer((request, response) => {
    read(request).then(
      (body) => response.end(`ok:${body.toString()}`),
      (error: unknown) => response.end(`error:${error instanceof ApiError ? error.code : String(error)}`),
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Sends `chunks` with chunked encoding, each after the last was written, and resolves with the answer. */
function postChunked(url: string, chunks: string[], headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { "transfer-encoding": "chunked", ...headers } }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve(text));
    });
    request.on("error", reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

describe("readBody", () => {
  it("joins a body that arrives in several chunks", async () => {
    const url = await serve((request) => readBody(request, 1024));
    expect(await postChunked(url, ['{"a":', "1", "}"])).toBe('ok:{"a":1}');
  });

  it("refuses with payload_too_large once a chunked body passes the limit", async () => {
    const url = await serve((request) => readBody(request, 8));
    expect(await postChunked(url, ["12345", "67890"])).toBe("error:payload_too_large");
  });

  it("takes a body that has arrived whole in one read, and still refuses one over the limit", async () => {
    const whenComplete = async (request: http.IncomingMessage) => {
      while (!request.complete) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const url = await serve(async (request) => {
      await whenComplete(request);
      return readBody(request, 8);
    });
    expect(await postChunked(url, ["1234", "5678"])).toBe("ok:12345678");
    expect(await postChunked(url, ["1234", "56789"])).toBe("error:payload_too_large");
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const url = await serve((request) => readBody(request, 8));
    const response = await fetch(url, { method: "POST", body: "x".repeat(9) });
    expect(await response.text()).toBe("error:payload_too_large");
  });
});
