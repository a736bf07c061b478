// Reads a request body up to a byte limit, stopping as soon as the limit is passed (not after buffering it all).
import { ApiError } from "@/lib/http/api-error";

export function payloadTooLarge(limitBytes: number): ApiError {
  return new ApiError("payload_too_large", `The body is larger than the ${limitBytes}-byte limit for this endpoint.`);
}

export async function readBodyWithLimit(request: Request, limitBytes: number): Promise<Buffer> {
  const tooLarge = () => payloadTooLarge(limitBytes);

  const lengthHeader = request.headers.get("content-length");
  const declared = lengthHeader === null ? Number.NaN : Number(lengthHeader);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  // With a Content-Length within the limit, HTTP framing already bounds the body: read it in one go, which is
  // cheaper than the chunk loop below. Only a chunked body (no length) needs counting while it streams.
  if (Number.isFinite(declared)) return Buffer.from(await request.arrayBuffer());

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
