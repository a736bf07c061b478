import { describe, expect, it } from "vitest";
import { summarizeErrors } from "./use-error-alerts";

describe("summarizeErrors", () => {
  it("names the most frequent errors first, with counts, and how many kinds it leaves out", () => {
    const calls = ["LLM timeout", "STT connection failed", "LLM timeout", null, "Transfer failed", "Voice rejected", "LLM timeout"].map((error) => ({ error }));
    expect(summarizeErrors(calls)).toBe("LLM timeout ×3, STT connection failed, Unknown error, and 2 more kinds");
    expect(summarizeErrors([{ error: "LLM timeout" }])).toBe("LLM timeout");
  });
});
