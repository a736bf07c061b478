// Integration: production refuses to start without a webhook secret, unless unsigned webhooks are accepted explicitly.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { camelStatusUpdate, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, type TestServer } from "@/lib/testing/test-server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const servers: TestServer[] = [];

afterAll(async () => {
  for (const server of servers) await server.stop();
});

function runServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", HOST: "127.0.0.1", PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

describe("signature policy at start-up", () => {
  it("refuses to start in production without FLIREO_WEBHOOK_SECRET, saying what to set", async () => {
    const result = await runServer({
      NODE_ENV: "production",
      FLIREO_WEBHOOK_SECRET: "",
      ALLOW_UNSIGNED_WEBHOOKS: "false",
      // Never reached: the check comes before the database.
      DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain("Callboard could not start: FLIREO_WEBHOOK_SECRET is not set");
    expect(result.output).toContain("ALLOW_UNSIGNED_WEBHOOKS=true");
    expect(result.output).not.toContain("is up.");
  });

  it("starts in production without a secret when ALLOW_UNSIGNED_WEBHOOKS=true, and then takes unsigned webhooks", async () => {
    const server = await startTestServer({ env: { FLIREO_WEBHOOK_SECRET: "", ALLOW_UNSIGNED_WEBHOOKS: "true" } });
    servers.push(server);
    expect(server.output()).toContain("UNSIGNED webhooks accepted");
    const described = (await (await fetch(`${server.baseUrl}/api/webhooks/flireo`)).json()) as { signatureRequired: boolean };
    expect(described.signatureRequired).toBe(false);
    expect((await postWebhook(server.baseUrl, camelStatusUpdate({ status: "in-progress" }))).status).toBe(200);
  });
});
