// /calls – every stored call, newest first, a keyset page at a time: the board's filters and a search of the words
// said in the calls (summary, transcript, error, end reason), all in the URL. Viewers may search too.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppHeader, toHeaderUser } from "@/components/header/app-header";
import { getSessionUser } from "@/lib/context/session";
import { CallsList } from "@/components/calls/calls-list";
import { CallsSearchForm } from "@/components/calls/calls-search-form";
import { Notice } from "@/components/ui/card";
import { findLines } from "@/lib/calls/find-board-calls";
import { loadCallsPage, type CallsPage } from "@/lib/calls/load-calls-page";
import { appContext } from "@/lib/context/current";
import { toApiError } from "@/lib/http/api-error";
import { decodeCursor, encodeCursor } from "@/lib/public-api/cursor";
import { callsPageFilterToSearchParams, parseCallsPageFilter, type CallsPageFilter } from "@/lib/shared/calls/call-search";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("callsPage");
  return { title: t("metaTitle") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function firstValues(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const result = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result.set(name, first);
  }
  return result;
}

/** The page, or the message of a search that cannot run (too long, no words, a cursor not ours): never a 500 for input. */
async function loadPage(filter: CallsPageFilter, cursor: string | null): Promise<CallsPage | { problem: string }> {
  try {
    return await loadCallsPage(appContext().prisma, filter, cursor ? decodeCursor(cursor) : null);
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.status >= 500) throw error;
    return { problem: apiError.message };
  }
}

function hrefWith(filter: CallsPageFilter, cursor: string | null): string {
  const params = callsPageFilterToSearchParams(filter);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return `/calls${query ? `?${query}` : ""}`;
}

export default async function CallsPage({ searchParams }: PageProps) {
  // proxy.ts already sent anonymous visitors to /login; checked again because this page shows phone numbers.
  const user = await getSessionUser(await headers());
  if (!user) redirect("/login");
  const params = firstValues(await searchParams);
  const filter = parseCallsPageFilter(params);
  const cursor = params.get("cursor");
  const [page, lines, t] = await Promise.all([loadPage(filter, cursor), findLines(appContext().prisma), getTranslations("callsPage")]);
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-5 px-4 py-6 sm:px-6">
      <AppHeader user={toHeaderUser(user)} title={t("title")} />
      <main className="flex flex-col gap-5">
        {/* Keyed by the URL's filter, so Back and Forward show their own search in the boxes. */}
        <CallsSearchForm key={callsPageFilterToSearchParams(filter).toString()} filter={filter} lines={lines} />
        {"problem" in page ? (
          <Notice tone="warning" testId="calls-problem">{page.problem}</Notice>
        ) : (
          <CallsList rows={page.rows} olderHref={page.next ? hrefWith(filter, encodeCursor(page.next)) : null} newestHref={cursor ? hrefWith(filter, null) : null} />
        )}
      </main>
    </div>
  );
}
