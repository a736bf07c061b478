import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { Board } from "@/components/board/board";
import { readBoardPreferences } from "@/components/board/board-preferences";
import { getSessionUser } from "@/lib/context/session";
import { parseCallFilter } from "@/lib/shared/calls/call-filter";
import { findLatestCommands } from "@/lib/call-control/call-commands";
import { loadBoardSnapshot } from "@/lib/calls/load-board-snapshot";
import { appContext } from "@/lib/context/current";
import { env } from "@/lib/env";
import { loadControlSetup } from "@/lib/context/call-control";
import { canControlCalls } from "@/lib/shared/auth/roles";

export const dynamic = "force-dynamic";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BoardPage({ searchParams }: PageProps) {
  // proxy.ts already sent anonymous visitors to /login; checked again because this page shows phone numbers.
  const user = await getSessionUser(await headers());
  if (!user) redirect("/login");
  const filter = parseCallFilter(await searchParams);
  const snapshot = await loadBoardSnapshot(appContext().prisma, filter, (callIds) => findLatestCommands(appContext().prisma, callIds));
  const controlSetup = canControlCalls(user.role) ? await loadControlSetup() : null;
  return (
    <Board
      initialSnapshot={snapshot}
      defaultCountry={env.DEFAULT_COUNTRY}
      longCallMinutes={env.LONG_CALL_MINUTES}
      isAcceptingUnsigned={!(await appContext().signing.policy()).isSignatureRequired}
      user={{ email: user.email, name: user.name, role: user.role }}
      preferences={readBoardPreferences(await cookies())}
      control={{ setup: controlSetup, commands: snapshot.commands }}
    />
  );
}
