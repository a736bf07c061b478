// Reads a request body up to a byte limit, stopping as soon as the limit is passed (not after buffering it all).
import { ApiError } from "@/lib/http/api-error";

export async function readBodyWithLimit(request: Request, limitBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new ApiError("payload_too_large", `The body is larger than the ${limitBytes}-byte limit for this endpoint.`);

  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);

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
