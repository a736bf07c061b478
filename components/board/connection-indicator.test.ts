import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- a test reads the messages to check the words they make.
import { MESSAGES } from "@/lib/i18n/messages";
import { describeLastEvent } from "./connection-indicator";

describe("describeLastEvent", () => {
  const now = Date.UTC(2026, 10, 27, 12);
  const said = (locale: "en" | "nl", lastEventAt: number | null) => {
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "board.lastEvent" });
    const age = describeLastEvent(lastEventAt, now);
    return t(age.unit, { count: age.count });
  };
  const ago = (seconds: number, locale: "en" | "nl" = "en") => said(locale, now - seconds * 1000);

  it("reads at a glance, in the coarsest whole unit", () => {
    expect(said("en", null)).toBe("no events yet");
    expect(ago(2)).toBe("event just now");
    expect(ago(42)).toBe("last event 42 s ago");
    expect(ago(4 * 60 + 59)).toBe("last event 4 min ago");
    expect(ago(9 * 3_600 + 12 * 60)).toBe("last event 9 h ago");
    expect(ago(30 * 3_600)).toBe("last event 1 day ago");
    expect(ago(3 * 86_400)).toBe("last event 3 days ago");
  });

  it("says the same in Dutch", () => {
    expect(said("nl", null)).toBe("nog geen updates");
    expect(ago(2, "nl")).toBe("zojuist een update");
    expect(ago(42, "nl")).toBe("laatste update 42 s geleden");
    expect(ago(9 * 3_600 + 12 * 60, "nl")).toBe("laatste update 9 uur geleden");
    expect(ago(30 * 3_600, "nl")).toBe("laatste update 1 dag geleden");
    expect(ago(3 * 86_400, "nl")).toBe("laatste update 3 dagen geleden");
  });
});
