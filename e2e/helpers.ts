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

/** How far the page reaches past the window's right edge (0 when it does not scroll sideways). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The elements that reach past the window, named, for a failure message that says where to look. */
export async function widestElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const isPast = (element: Element | null) => element !== null && element.getBoundingClientRect().right > limit + 1;
    // The outermost ones: where the page first grows past its width.
    return [...document.querySelectorAll("body *")]
      .filter((element) => isPast(element) && !isPast(element.parentElement))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}${element.getAttribute("data-testid") ? `[${element.getAttribute("data-testid")}]` : ""}.${String(element.className).slice(0, 60)}`);
  });
}

/**
 * The rows the page's header takes: every text people see in it and every control, grouped by the line each sits on
 * (a text that wraps counts on each of its lines). One entry means one tidy line; each entry names what is on it.
 */
export async function headerRows(page: Page): Promise<string[]> {
  return page.getByTestId("app-header").evaluate((header) => {
    const boxes: { top: number; bottom: number; what: string }[] = [];
    // What is on the screen: not a closed menu's items (which still have boxes), nor screen-reader-only text (1 px).
    const add = (element: Element | null, rect: DOMRect, what: string) => {
      const isShown = element?.checkVisibility({ visibilityProperty: true }) && element.getBoundingClientRect().width > 1;
      if (isShown && rect.width > 1 && rect.height > 1) boxes.push({ top: rect.top, bottom: rect.bottom, what });
    };
    const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (!text) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) add(node.parentElement, rect, text);
    }
    for (const control of header.querySelectorAll("a, button, select, summary")) add(control, control.getBoundingClientRect(), control.getAttribute("data-testid") ?? control.tagName.toLowerCase());
    // Rows: a box belongs to the row it overlaps vertically by more than half its height.
    const rows: { top: number; bottom: number; what: string[] }[] = [];
    for (const box of boxes.sort((a, b) => a.top - b.top)) {
      const row = rows.find((each) => Math.min(each.bottom, box.bottom) - Math.max(each.top, box.top) > (box.bottom - box.top) / 2);
      if (row) {
        row.what.push(box.what);
        row.top = Math.min(row.top, box.top);
        row.bottom = Math.max(row.bottom, box.bottom);
      } else rows.push({ top: box.top, bottom: box.bottom, what: [box.what] });
    }
    return rows.map((row) => `${Math.round(row.top)}–${Math.round(row.bottom)} px: ${[...new Set(row.what)].join(" · ")}`);
  });
}
