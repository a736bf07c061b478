// Shared by Vitest and Playwright: a reachable test Postgres, and a production build no older than the sources.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ensureTestPostgres } from "./test-postgres";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BUILD_INPUTS = ["app", "components", "lib", "server.ts", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package.json", "tsconfig.json"];
const SERVER_BUNDLE = path.join(ROOT, ".next", "callboard-server.mjs");

function newestMtime(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return /\.test\.tsx?$/.test(target) ? 0 : stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === "generated" || entry === "testing") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function isBuildCurrent(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId) || !existsSync(SERVER_BUNDLE)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.every((input) => !existsSync(path.join(ROOT, input)) || newestMtime(path.join(ROOT, input)) <= builtAt);
}

export function ensureProductionBuild(): void {
  if (isBuildCurrent()) return;
  console.log("Building Callboard for the tests (npm run build)…");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  for (const args of [[path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], [path.join(ROOT, "scripts/build-server.mjs")]]) {
    const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env });
    if (result.status !== 0) throw new Error("The build failed; see the output above.");
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  // The build first: it blocks this process, which, once it has started a test Postgres, must keep reading its log.
  ensureProductionBuild();
  const postgres = await ensureTestPostgres();
  return async () => {
    await postgres.stop?.();
  };
}
