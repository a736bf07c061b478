// Every page at desktop and phone width, light and dark, with the browser in Amsterdam and the server in UTC:
// screenshots to look at after a change (test-results/page-shots/, not committed).
import { test, expect } from "@playwright/test";
import { seedDemoBoard } from "@/lib/testing/seed-demo-board";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { storageStateFromCookie } from "./fixtures";

test.describe.configure({ mode: "serial" });

let server: TestServer;
let callPath = "/";

test.beforeAll(async () => {
  server = await startTestServer({ env: { TZ: "UTC" } });
  await seedDemoBoard(server.baseUrl, TEST_WEBHOOK_SECRET);
});

test.afterAll(async () => {
  await server.stop();
});

const PAGES = (process.env.SHOT_PAGES ?? "board,calls,call,alerts,api-tokens,users,call-control,webhooks").split(",");
const PATHS: Record<string, () => string> = {
  board: () => "/",
  calls: () => "/calls",
  call: () => callPath,
  alerts: () => "/settings/alerts",
  "api-tokens": () => "/settings/api-tokens",
  users: () => "/settings/users",
  "call-control": () => "/settings/call-control",
  webhooks: () => "/webhooks",
};
const VIEWPORTS = [
  { name: "1440", viewport: { width: 1440, height: 1000 } },
  { name: "390", viewport: { width: 390, height: 844 } },
] as const;

test.describe("[SHOTS]", () => {
  for (const name of PAGES) {
    for (const { name: width, viewport } of VIEWPORTS) {
      for (const theme of ["light", "dark"] as const) {
        test(`${name}, ${width} px, ${theme}`, async ({ browser }) => {
          const context = await browser.newContext({
            viewport,
            colorScheme: theme,
            timezoneId: "Europe/Amsterdam",
            baseURL: server.baseUrl,
            storageState: storageStateFromCookie(await server.adminCookie()),
          });
          const page = await context.newPage();
          if (name === "call" && callPath === "/") {
            await page.goto("/");
            const id = await page.getByTestId("error-call").first().getAttribute("data-call-id");
            callPath = `/calls/${encodeURIComponent(id ?? "")}`;
          }
          await page.goto(PATHS[name]?.() ?? "/");
          await page.waitForLoadState("networkidle");
          if (name === "board") await expect(page.getByTestId("kpi-calls-today")).not.toHaveText("—");
          await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
          await page.screenshot({ path: `test-results/page-shots/${name}-${width}-${theme}.png`, fullPage: true });
          await context.close();
        });
      }
    }
  }
});
