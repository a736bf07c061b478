import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { breakDownProfile, type CpuProfile } from "./cpu-profile";

describe("breakDownProfile", () => {
  // A bundle in a .next folder whose map says its first position is Callboard's lib/webhooks/read-body.ts.
  const root = mkdtempSync(path.join(tmpdir(), "cpu-profile-"));
  const bundle = path.join(root, ".next", "server", "chunks", "webhook.js");
  mkdirSync(path.dirname(bundle), { recursive: true });
  writeFileSync(bundle, "x");
  writeFileSync(`${bundle}.map`, JSON.stringify({ version: 3, sources: ["../../../lib/webhooks/read-body.ts"], names: [], mappings: "AAAA" }));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
  const own = frame("readBodyWithLimit", pathToFileURL(bundle).href);
  const next = frame("handleRequest", "file:///app/node_modules/next/dist/server/base-server.js");
  const undici = frame("arrayBuffer", "node:internal/deps/undici/undici");
  // root(1) ─┬─ next(2) ── undici(3)            Next building a Request: undici's
  //          ├─ next(4) ── own(5) ── undici(6)  our route reading its body, called by Next: ours
  //          ├─ (garbage collector)(7)
  //          └─ (idle)(8)
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame("(root)", ""), children: [2, 4, 7, 8] },
      { id: 2, callFrame: next, children: [3] },
      { id: 3, callFrame: undici },
      { id: 4, callFrame: next, children: [5] },
      { id: 5, callFrame: own, children: [6] },
      { id: 6, callFrame: undici },
      { id: 7, callFrame: frame("(garbage collector)", "") },
      { id: 8, callFrame: frame("(idle)", "") },
    ],
    startTime: 1_000,
    endTime: 2_000,
    // Each sample stands for the time until the next one: 100 µs apart, the last one outside the window.
    samples: [3, 6, 6, 7, 8, 2, 3],
    timeDeltas: [100, 100, 100, 100, 100, 100, 500],
  };

  it("gives each sample to the innermost Callboard or Next.js frame's owner, and leaves idle out", () => {
    const { busyMicros, byGroup } = breakDownProfile(profile, 1_000, 1_650);
    expect(Object.fromEntries(byGroup)).toEqual({
      "undici (Request, Response, Headers)": 100,
      "Callboard: lib/webhooks/read-body.ts": 200,
      "V8 garbage collection": 100,
      "Next.js": 500,
    });
    expect(busyMicros).toBe(900);
  });
});
