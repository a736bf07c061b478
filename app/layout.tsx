import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { cookies, headers } from "next/headers";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import "./globals.css";
import { TimeZoneProvider } from "@/components/ui/time-zone";
import { env } from "@/lib/env";
import { pickTimeZone, TIME_ZONE_COOKIE } from "@/lib/shared/time/format-time";

// Bundled from an npm package: next/font/google would need the internet at build time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("appName"), description: t("appDescription") };
}

// Applies the remembered theme (components/header/theme-toggle.tsx) before the first paint, so the page never flashes.
const APPLY_THEME = `try{var t=localStorage.getItem("callboard.theme");if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.dataset.theme=t}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, which the CSP nonce from proxy.ts needs; the
  // theme script carries the same nonce, or the CSP would block it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // Times render in the zone the browser told us (components/ui/time-zone.tsx), so server and browser agree.
  const timeZone = pickTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value, env.DEFAULT_TIMEZONE);
  const locale = await getLocale();
  return (
    <html lang={locale} className={inter.variable} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: APPLY_THEME }} />
      </head>
      <body className="min-h-dvh bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <NextIntlClientProvider>
          <TimeZoneProvider timeZone={timeZone}>{children}</TimeZoneProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
