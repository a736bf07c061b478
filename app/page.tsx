import { Board } from "@/components/board";
import { loadBoardSnapshot } from "@/lib/calls/load-board-snapshot";
import { getPrisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getSignaturePolicy } from "@/lib/webhooks/webhook-secrets";

export const dynamic = "force-dynamic";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BoardPage({ searchParams }: PageProps) {
  const { q } = await searchParams;
  const query = (typeof q === "string" ? q : "").slice(0, 64);
  const snapshot = await loadBoardSnapshot(getPrisma(), query);
  return (
    <Board
      initialSnapshot={snapshot}
      defaultCountry={env.DEFAULT_COUNTRY}
      isAcceptingUnsigned={!(await getSignaturePolicy()).isSignatureRequired}
    />
  );
}
