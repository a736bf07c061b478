// /settings/wallboards – admins make, list and revoke the links that put the wall on a TV without an account.
import type { Metadata } from "next";
import { toHeaderUser } from "@/components/header/app-header";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/settings/admin-page-header";
import { NewWallboardCard } from "@/components/settings/wallboards/new-wallboard-card";
import { WallboardTable } from "@/components/settings/wallboards/wallboard-table";
import { Card } from "@/components/ui/card";
import { findLines } from "@/lib/calls/find-board-calls";
import { getSessionUser } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { listWallboards } from "@/lib/wallboards/wallboards";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wallboards");
  return { title: t("metaTitle") };
}

export default async function WallboardsPage() {
  // proxy.ts sends viewers and supervisors a 403 before this runs; this is the second line.
  const user = await getSessionUser(await headers());
  if (user?.role !== "admin") notFound();
  const { prisma } = appContext();
  const [wallboards, lines, t] = await Promise.all([listWallboards(prisma), findLines(prisma), getTranslations("wallboards")]);
  const active = wallboards.filter((wallboard) => wallboard.state === "active").length;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6 lg:px-8">
      <AdminPageHeader title={t("title")} user={toHeaderUser(user)} />
      <main className="flex flex-col gap-6">
        <NewWallboardCard lines={lines} />
        <Card id="wallboards" title={t("links")} aside={<span className="text-sm text-zinc-500 dark:text-zinc-400">{t("activeCount", { count: active })}</span>}>
          <div className="-mx-5 -my-4">
            <WallboardTable wallboards={wallboards} />
          </div>
        </Card>
      </main>
    </div>
  );
}
