// The list's page cursor: opaque to clients, it holds the last call's (createdAt, id) and an HMAC over them, so a
// cursor Callboard did not issue (or one that was edited) is refused with a 400 rather than silently misread.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { resolveAuthSecret } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";

export type CallCursor = { createdAt: Date; id: string };

const SIGNATURE_BYTES = 16;
const payloadSchema = z.tuple([z.iso.datetime(), z.string().min(1)]);

// A key of its own, derived from AUTH_SECRET, so a cursor signature can never stand in for anything else.
function signingKey(): Buffer {
  return createHash("sha256").update(`callboard:api-cursor:v1:${resolveAuthSecret()}`).digest();
}

function sign(payload: string): Buffer {
  return createHmac("sha256", signingKey()).update(payload).digest().subarray(0, SIGNATURE_BYTES);
}

export function encodeCursor(cursor: CallCursor): string {
  const payload = Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString("base64url");
  return `${payload}.${sign(payload).toString("base64url")}`;
}

const INVALID_CURSOR =
  "cursor is not one Callboard issued, or it was changed: pass nextCursor from the previous page exactly as it came, or leave cursor out to start from the newest call.";

export function decodeCursor(value: string): CallCursor {
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) throw new ApiError("bad_request", INVALID_CURSOR);
  const given = Buffer.from(signature, "base64url");
  const expected = sign(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new ApiError("bad_request", INVALID_CURSOR);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw new ApiError("bad_request", INVALID_CURSOR);
  }
  const fields = payloadSchema.safeParse(parsed);
  if (!fields.success) throw new ApiError("bad_request", INVALID_CURSOR);
  return { createdAt: new Date(fields.data[0]), id: fields.data[1] };
}
