// The page a browser gets when proxy.ts refuses a page request (a viewer on an admin page, sign-in unavailable):
// the reason and a way back, in the board's colours. Plain HTML built here rather than a Next.js page, because a
// page rendered through a proxy rewrite does not keep the refusal's status code.

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character] ?? character);

import { createTranslator } from "next-intl";
import { MESSAGES } from "@/lib/i18n/messages";
import { DEFAULT_LOCALE, type Locale } from "@/lib/shared/i18n/locales";

/** `message` is already in `locale` (errorBody); the page's own words follow it. */
export function refusalPage(status: number, message: string, locale: Locale = DEFAULT_LOCALE): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "errors.refusal" });
  const title = status === 403 ? t("forbidden") : status === 503 ? t("unavailable") : t("refused");
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Callboard</title>
<style>
  :root { color-scheme: light dark; font-family: ui-sans-serif, system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #fafafa; color: #18181b; }
  main { max-width: 28rem; margin: 1rem; padding: 1.5rem; border: 1px solid #e4e4e7; border-radius: 1rem; background: #fff; }
  h1 { margin: 0 0 .5rem; font-size: 1.25rem; }
  p { margin: 0 0 1.25rem; color: #52525b; line-height: 1.5; }
  a { display: inline-block; padding: .4rem .8rem; border: 1px solid #d4d4d8; border-radius: .5rem; color: inherit; text-decoration: none; font-weight: 500; font-size: .875rem; }
  a:hover { background: #f4f4f5; }
  @media (prefers-color-scheme: dark) {
    body { background: #09090b; color: #f4f4f5; }
    main { background: #18181b; border-color: #27272a; }
    p { color: #a1a1aa; }
    a { border-color: #3f3f46; }
    a:hover { background: #27272a; }
  }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<a href="/">${escapeHtml(t("back"))}</a>
</main>
</body>
</html>
`;
}
