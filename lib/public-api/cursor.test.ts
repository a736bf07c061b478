import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { decodeCursor, encodeCursor } from "./cursor";

describe("list cursors", () => {
  const cursor = { createdAt: new Date("2026-11-27T09:15:02.418Z"), id: "7f0c2a4e-call" };

  it("carry (createdAt, id) through unchanged and look opaque", () => {
    const encoded = encodeCursor(cursor);
    expect(decodeCursor(encoded)).toEqual(cursor);
    expect(encoded).not.toContain(cursor.id);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it("refuse a cursor that was changed or not made by Callboard with a 400", () => {
    const encoded = encodeCursor(cursor);
    const [payload = "", signature = ""] = encoded.split(".");
    const otherPayload = Buffer.from(JSON.stringify(["2030-01-01T00:00:00.000Z", cursor.id])).toString("base64url");
    const flipped = `${payload.slice(0, -1)}${payload.endsWith("A") ? "B" : "A"}`;
    for (const bad of [`${otherPayload}.${signature}`, `${flipped}.${signature}`, payload, `${encoded}.x`, "", ".", "abc.def", `${payload}.${signature.slice(0, -2)}`]) {
      let caught: unknown;
      try {
        decodeCursor(bad);
      } catch (error) {
        caught = error;
      }
      expect(caught, bad).toBeInstanceOf(ApiError);
      expect((caught as ApiError).status).toBe(400);
      expect((caught as ApiError).message).toMatch(/cursor/);
    }
  });
});
