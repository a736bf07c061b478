"use server";
// The header's language switch, and sign-in's: the choice lives in a cookie for this browser and, for a signed-in
// user, on the user, so that the next sign-in anywhere brings it back. Next checks a server action's Origin, so a
// cross-site page cannot change anyone's language.
import { cookies, headers } from "next/headers";
import { appContext } from "@/lib/context/current";
import { getSessionUser } from "@/lib/context/session";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/shared/i18n/locales";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

async function rememberInBrowser(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR_SECONDS, sameSite: "lax", httpOnly: true });
}

/** Switches to `locale`; false for a language Callboard does not have (nothing changes then). */
export async function chooseLocale(locale: unknown): Promise<boolean> {
  if (!isLocale(locale)) return false;
  await rememberInBrowser(locale);
  const user = await getSessionUser(await headers());
  if (user) await appContext().prisma.user.update({ where: { id: user.id }, data: { locale } });
  return true;
}

/** Right after sign-in: the language the user chose before, on any browser, becomes this browser's. */
export async function adoptStoredLocale(): Promise<void> {
  const user = await getSessionUser(await headers());
  if (!user) return;
  const stored = await appContext().prisma.user.findUnique({ where: { id: user.id }, select: { locale: true } });
  if (isLocale(stored?.locale)) await rememberInBrowser(stored.locale);
}
