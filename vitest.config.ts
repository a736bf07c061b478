import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    // A test that starts Callboard or one of its scripts in its body waits for a whole Node process to start, which
    // on a busy or small machine takes far longer than the test's own work (startTestServer bounds one start at
    // 60 s). Tests are bounded for that, not for speed: benchmarks measure speed.
    testTimeout: 120_000,
    hookTimeout: 90_000,
    pool: "forks",
  },
});
