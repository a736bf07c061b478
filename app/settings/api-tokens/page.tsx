// /settings/api-tokens – admins make, list and revoke the tokens that read calls through /api/v1.
import { toHeaderUser } from "@/components/header/app-header";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { ApiTokenTable } from "@/components/settings/api-tokens/api-token-table";
import { NewApiTokenCard } from "@/components/settings/api-tokens/new-api-token-card";
import { AdminPageHeader } from "@/components/settings/admin-page-header";
import { Card } from "@/components/ui/card";
import { listApiTokens } from "@/lib/api-tokens/api-tokens";
import { getSessionUser } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiTokens");
  return { title: t("pageTitle") };
}

export default async function ApiTokensPage() {
  // proxy.ts sends viewers a 403 before this runs; this is the second line.
  const user = await getSessionUser(await headers());
  if (user?.role !== "admin") notFound();
  const tokens = await listApiTokens(appContext().prisma);
  const active = tokens.filter((token) => token.state === "active").length;
  const t = await getTranslations("apiTokens");
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6 lg:px-8">
      <AdminPageHeader title={t("title")} user={toHeaderUser(user)} />
      <main className="flex flex-col gap-6">
        <NewApiTokenCard />
        <Card id="api-tokens" title={t("list.title")} aside={<span className="text-sm text-zinc-500 dark:text-zinc-400">{t("list.active", { count: active })}</span>}>
          <div className="-mx-5 -my-4">
            <ApiTokenTable tokens={tokens} />
          </div>
        </Card>
      </main>
    </div>
  );
}
