import { Board } from "@/components/board";
import { parseCallFilter } from "@/lib/calls/call-filter";
import { loadBoardSnapshot } from "@/lib/calls/load-board-snapshot";
import { getPrisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getSignaturePolicy } from "@/lib/webhooks/webhook-secrets";

export const dynamic = "force-dynamic";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BoardPage({ searchParams }: PageProps) {
  const filter = parseCallFilter(await searchParams);
  const snapshot = await loadBoardSnapshot(getPrisma(), filter);
  return (
    <Board
      initialSnapshot={snapshot}
      defaultCountry={env.DEFAULT_COUNTRY}
      isAcceptingUnsigned={!(await getSignaturePolicy()).isSignatureRequired}
    />
  );
}
