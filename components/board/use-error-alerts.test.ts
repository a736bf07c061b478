import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- a test reads the messages to check the words they make.
import { MESSAGES } from "@/lib/i18n/messages";
import { summarizeErrors } from "./use-error-alerts";

const words = (locale: "en" | "nl") => createTranslator({ locale, messages: MESSAGES[locale], namespace: "board.notification" });

describe("summarizeErrors", () => {
  const calls = ["LLM timeout", "STT connection failed", "LLM timeout", null, "Transfer failed", "Voice rejected", "LLM timeout"].map((error) => ({ error }));

  it("names the most frequent errors first, with counts, and how many kinds it leaves out", () => {
    expect(summarizeErrors(calls, words("en"), "Unknown error")).toBe("LLM timeout ×3, STT connection failed, Unknown error, and 2 more kinds");
    expect(summarizeErrors([{ error: "LLM timeout" }], words("en"), "Unknown error")).toBe("LLM timeout");
  });

  it("says it in Dutch for a Dutch reader", () => {
    expect(summarizeErrors(calls, words("nl"), "Onbekende fout")).toBe("LLM timeout ×3, STT connection failed, Onbekende fout en 2 andere soorten fouten");
    expect(summarizeErrors(calls.slice(0, 5), words("nl"), "Onbekende fout")).toBe("LLM timeout ×2, STT connection failed, Onbekende fout en 1 ander soort fout");
  });
});
