// /settings/call-control – admins keep the transfer destinations, allow or forbid typed numbers, and read the audit
// trail of commands sent to live calls (?user=&from=&to=; the form's times are read in the reader's time zone).
import { toHeaderUser } from "@/components/header/app-header";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { AdminPageHeader } from "@/components/settings/admin-page-header";
import { CommandLog } from "@/components/settings/call-control/command-log";
import { TransferDestinationsCard } from "@/components/settings/call-control/transfer-destinations-card";
import { listCommands } from "@/lib/call-control/call-commands";
import { listTransferDestinations, readAllowTypedNumbers } from "@/lib/call-control/transfer-destinations";
import { appContext } from "@/lib/context/current";
import { getSessionUser } from "@/lib/context/session";
import { wallClockToInstant } from "@/lib/db/wall-clock-time";
import { pickTimeZone, TIME_ZONE_COOKIE } from "@/lib/shared/time/format-time";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("callControl");
  return { title: t("pageTitle") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function textParam(value: string | string[] | undefined): string {
  return typeof value === "string" ? value.trim() : "";
}

export default async function CallControlSettingsPage({ searchParams }: PageProps) {
  // proxy.ts sends everyone but admins a 403 before this runs; this is the second line.
  const user = await getSessionUser(await headers());
  if (user?.role !== "admin") notFound();
  const params = await searchParams;
  const filter = { user: textParam(params.user), from: textParam(params.from), to: textParam(params.to) };
  const { prisma, env } = appContext();
  const timeZone = pickTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value, env.DEFAULT_TIMEZONE);
  const [from, to] = await Promise.all([wallClockToInstant(prisma, filter.from, timeZone), wallClockToInstant(prisma, filter.to, timeZone)]);
  const [destinations, allowTypedNumbers, commands] = await Promise.all([
    listTransferDestinations(prisma),
    readAllowTypedNumbers(prisma),
    listCommands(prisma, { actor: filter.user || undefined, from, to, limit: 200 }),
  ]);
  const t = await getTranslations("callControl");
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6 lg:px-8">
      <AdminPageHeader title={t("title")} user={toHeaderUser(user)} />
      <main className="flex flex-col gap-6">
        <TransferDestinationsCard destinations={destinations} allowTypedNumbers={allowTypedNumbers} />
        <CommandLog commands={commands} filter={filter} />
      </main>
    </div>
  );
}
