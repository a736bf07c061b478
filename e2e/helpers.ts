// Small helpers shared by the e2e specs: unique numbers, so tests sharing a worker's server don't see each
// other's calls through a filter; and the page's serious accessibility violations.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** axe's serious and critical violations on the page, one line each (empty when there are none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

export function uniqueCustomer(): string {
  return `+3161${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}

/** A line number no other test uses (a Dutch fixed-line number with random digits). */
export function uniqueLine(): string {
  return `+3130${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}

/**
 * Keeps the board's Socket.IO connection from ever opening (WebSocket and polling both), so what it shows can only
 * have come from the server's render and its history API.
 */
export async function blockLiveUpdates(page: Page): Promise<void> {
  await page.routeWebSocket(/\/socket\.io\//, (socket) => socket.close());
  await page.route("**/socket.io/**", (route) => route.abort());
}
