import { describe, expect, it } from "vitest";
import type { CallView } from "@/lib/shared/calls/call-view";
import { maskCallForWallboard, maskNumbersInText, maskPhoneNumber } from "./mask-call";

describe("masking numbers for a wallboard", () => {
  it("keeps the last four digits of a number, however it is written", () => {
    expect(maskPhoneNumber("+31612345678")).toBe("••• 5678");
    expect(maskPhoneNumber("06-1234 5678")).toBe("••• 5678");
    expect(maskPhoneNumber("1234")).toBe("•••");
    expect(maskPhoneNumber("")).toBe("•••");
  });

  it("masks numbers quoted in texts and leaves other figures alone", () => {
    expect(maskNumbersInText("Transfer to +31 6 1234 5678 failed after 30 s")).toBe("Transfer to ••• 5678 failed after 30 s");
    expect(maskNumbersInText("STT connection failed (code 1006)")).toBe("STT connection failed (code 1006)");
    expect(maskNumbersInText("at 2026-12-07")).toBe("at 2026-12-07");
  });

  it("leaves out the summary and masks every field that can hold a customer's number", () => {
    const call = {
      id: "c1",
      customerNumber: "+31612345678",
      error: "Could not reach 0612345678",
      endReason: null,
      unresolvedReason: null,
      summary: "Caller +31612345678 asked for a refund",
      lineNumber: "+31201234567",
    } as unknown as CallView;
    const masked = maskCallForWallboard(call);
    expect(masked).toMatchObject({ customerNumber: "••• 5678", error: "Could not reach ••• 5678", summary: null, lineNumber: "+31201234567" });
    expect(JSON.stringify(masked)).not.toContain("612345678");
  });
});
