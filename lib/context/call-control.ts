// Call control for entry points (the control route, the call page, the board page): lib/call-control bound to this
// process's database, Flireo API key, realtime server and limits.
import type { CallControlDeps } from "@/lib/call-control/send-call-command";
import { loadCallControlSetup } from "@/lib/call-control/transfer-destinations";
import { env } from "@/lib/env";
import { resolveFlireoApiKey } from "@/lib/flireo/flireo-api-key";
import { createFlireoClient } from "@/lib/flireo/flireo-client";
import type { CallControlSetup } from "@/lib/shared/control/call-command";
import { appContext } from "./current";

export function callControlDeps(): CallControlDeps {
  const { prisma, secretBox, realtime, limits, flireoBudget } = appContext();
  return {
    prisma,
    connectFlireo: async () => {
      const apiKey = await resolveFlireoApiKey(prisma, secretBox);
      // The "control" lane of the process's one Flireo budget: it also keeps Flireo's 10 commands a minute per call,
      // answering at once with the wait rather than holding a person's request.
      return apiKey ? createFlireoClient({ baseUrl: env.FLIREO_API_BASE_URL, apiKey: apiKey.key, budget: flireoBudget, lane: "control" }) : null;
    },
    publish: (command) => realtime.publishCommand(command),
    perUser: limits.controlCommands,
  };
}

/** What a page's controls need (the transfer list, typed numbers allowed, whether an API key is there). */
export async function loadControlSetup(): Promise<CallControlSetup> {
  const { prisma, secretBox } = appContext();
  return loadCallControlSetup(prisma, (await resolveFlireoApiKey(prisma, secretBox)) !== null);
}
