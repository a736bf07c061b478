import { describe, expect, it } from "vitest";
import { describeLastEvent } from "./connection-indicator";

describe("describeLastEvent", () => {
  const now = Date.UTC(2026, 10, 27, 12);
  const ago = (seconds: number) => describeLastEvent(now - seconds * 1000, now);

  it("reads at a glance, in the coarsest whole unit", () => {
    expect(describeLastEvent(null, now)).toBe("no events yet");
    expect(ago(2)).toBe("event just now");
    expect(ago(42)).toBe("last event 42 s ago");
    expect(ago(4 * 60 + 59)).toBe("last event 4 min ago");
    expect(ago(9 * 3_600 + 12 * 60)).toBe("last event 9 h ago");
    expect(ago(30 * 3_600)).toBe("last event 1 day ago");
    expect(ago(3 * 86_400)).toBe("last event 3 days ago");
  });
});
