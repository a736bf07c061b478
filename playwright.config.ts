import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

// Playwright's own Chromium where it is installed, else the system's (Debian's `chromium` package).
function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return undefined;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
}
const executablePath = findChromium();

export default defineConfig({
  testDir: "e2e",
  // The longest tests walk through several pages and tabs; with two workers, each with its own server, and Chromium
  // sharing two cores, some took 31–35 s in CI. A hang still fails at the first expect (7.5 s).
  timeout: 60_000,
  expect: { timeout: 7_500 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalSetup: "./lib/testing/global-setup.ts",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: ["--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        },
      },
    },
  ],
});
