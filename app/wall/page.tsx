// /wall – the board for a TV: a signed-in user's, or a wallboard link's (its line, numbers masked unless the link
// says otherwise). ?long= and ?very-long= (minutes), ?theme=light and ?line= configure each screen by its address.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Wallboard } from "@/components/wall/wallboard";
import { appContext } from "@/lib/context/current";
import { findWallViewer, wallLine } from "@/lib/context/wall-viewer";
import { formatPhoneNumber } from "@/lib/shared/calls/format";
import { parseWallOptions } from "@/lib/shared/wallboards/wall-options";
import { loadWallSnapshot } from "@/lib/wallboards/load-wall";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wall");
  return { title: t("metaTitle") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WallPage({ searchParams }: PageProps) {
  const { prisma, env } = appContext();
  // proxy.ts admitted a session or a valid link already; checked again because this page shows calls.
  const viewer = await findWallViewer(await headers());
  if (!viewer) redirect("/login?next=/wall");
  const requested = parseWallOptions(await searchParams, env.LONG_CALL_MINUTES);
  const options = { ...requested, line: wallLine(viewer, requested.line) };
  const isMasked = viewer.kind === "wallboard" && viewer.isMasked;
  const snapshot = await loadWallSnapshot(prisma, options.line, isMasked);
  const lineName = snapshot.lines.find((line) => line.number === options.line)?.name ?? null;
  return (
    <Wallboard
      initialSnapshot={snapshot}
      options={options}
      title={viewer.kind === "wallboard" ? viewer.name : "Callboard"}
      lineLabel={options.line ? (lineName ?? formatPhoneNumber(options.line)) : null}
      isMasked={isMasked}
      defaultCountry={env.DEFAULT_COUNTRY}
    />
  );
}
