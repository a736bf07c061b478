import { describe, expect, it } from "vitest";
import { longCallLevel } from "@/lib/shared/calls/long-calls";
import { parseWallOptions } from "./wall-options";

describe("the wall's address", () => {
  it("defaults to amber past 10 minutes, red past 20, dark, every line", () => {
    expect(parseWallOptions({})).toEqual({ longMinutes: 10, veryLongMinutes: 20, theme: "dark", line: "" });
  });

  it("takes the thresholds, the theme and the line from the URL", () => {
    expect(parseWallOptions({ long: "5", "very-long": "8", theme: "light", line: "+31201234567" })).toEqual({ longMinutes: 5, veryLongMinutes: 8, theme: "light", line: "+31201234567" });
    // Red follows amber when only amber is given, and never comes before it.
    expect(parseWallOptions({ long: "15" })).toMatchObject({ longMinutes: 15, veryLongMinutes: 30 });
    expect(parseWallOptions({ long: "15", "very-long": "5" })).toMatchObject({ longMinutes: 15, veryLongMinutes: 15 });
  });

  it("falls back to the defaults for values it cannot use", () => {
    for (const long of ["", "abc", "-3", "0", "100000", "Infinity"]) expect(parseWallOptions({ long }).longMinutes, long).toBe(10);
    expect(parseWallOptions({ theme: "neon" }).theme).toBe("dark");
    expect(parseWallOptions({ line: ["a", "b"] }).line).toBe("");
  });

  it("marks with the red threshold it is given", () => {
    expect(longCallLevel(12 * 60, 10, 12)).toBe("very-long");
    expect(longCallLevel(12 * 60, 10)).toBe("long");
  });
});
