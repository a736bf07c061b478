// The server process itself: it outlives a lost log destination (and database) without spinning, and a supervisor's death (the
// CALLBOARD_PARENT_PID it was given) stops it.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { processCpuMs } from "@/lib/testing/process-cpu";
import { startTestServer, TEST_WEBHOOK_SECRET } from "@/lib/testing/test-server";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const sendStart = (baseUrl: string) =>
  postWebhook(baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET });

describe("the Callboard server process", () => {
  it("keeps answering webhooks, and idles, after the reader of its stdout and stderr and its database have gone", async () => {
    // Calls go stale within a second, so the sweep reports them (console.log to stdout) while the pipes are closed.
    const server = await startTestServer({ env: { LOG_LEVEL: "debug", STALE_CALL_MINUTES: "0.01", STALE_SWEEP_INTERVAL_SECONDS: "0.5" } });
    try {
      server.process.stdout?.destroy();
      server.process.stderr?.destroy();
      // Every request now logs into a closed pipe, and so does the sweep marking these calls unresolved.
      for (let index = 0; index < 10; index++) {
        expect((await sendStart(server.baseUrl)).status).toBe(200);
      }
      // With its database gone as well, every webhook and housekeeping run writes a warning to stderr.
      await server.database.drop();
      expect((await sendStart(server.baseUrl)).status).toBe(503);
      const pid = server.process.pid!;
      const before = processCpuMs(pid);
      await sleep(3_000);
      // A write-error loop would use all of a core (3,000 ms); an idle server uses a few ms.
      expect(processCpuMs(pid) - before).toBeLessThan(600);
      expect(server.process.exitCode).toBeNull();
      expect((await sendStart(server.baseUrl)).status).toBe(503);
    } finally {
      await server.stop();
    }
  });

  it("shuts down once the process named by CALLBOARD_PARENT_PID is gone", async () => {
    const parent = spawn("sleep", ["600"], { stdio: "ignore" });
    const server = await startTestServer({ env: { CALLBOARD_PARENT_PID: String(parent.pid) } });
    try {
      const exited = new Promise<number | null>((resolve) => server.process.once("exit", resolve));
      await sleep(2_500);
      expect(server.process.exitCode).toBeNull();
      parent.kill("SIGKILL");
      const code = await Promise.race([exited, sleep(15_000).then(() => "still running")]);
      expect(code).toBe(0);
      expect(server.output()).toContain("is gone");
    } finally {
      parent.kill("SIGKILL");
      await server.stop();
    }
  });
});
