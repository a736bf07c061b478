import { describe, expect, it } from "vitest";
import { DEFAULT_LONG_CALL_MINUTES, longCallDescription, longCallLevel } from "./long-calls";

describe("long calls", () => {
  it("are long from the threshold on and very long from twice it", () => {
    expect(DEFAULT_LONG_CALL_MINUTES).toBe(10);
    expect(longCallLevel(599, 10)).toBe("normal");
    expect(longCallLevel(600, 10)).toBe("long");
    expect(longCallLevel(1_199, 10)).toBe("long");
    expect(longCallLevel(1_200, 10)).toBe("very-long");
    expect(longCallLevel(180, 3)).toBe("long");
  });

  it("say why in words", () => {
    expect(longCallDescription("normal", 10)).toBeNull();
    expect(longCallDescription("long", 10)).toBe("Long call: over 10 minutes");
    expect(longCallDescription("very-long", 10)).toBe("Very long call: over 20 minutes");
  });
});
