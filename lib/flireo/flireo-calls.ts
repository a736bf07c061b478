// Flireo's calls as its REST API gives them (../shared/flireo/webhooks.md §6.3, §11): one page of GET /calls, one
// call from GET /calls/{id}, and the organization's active_calls. Validated with zod: a call of the wrong shape is
// left out of its page and reported, not guessed at; a page of the wrong shape fails as a whole.
import { z } from "zod";
import type { FlireoClient } from "./flireo-client";

/** Flireo's documented maximum page size. */
export const MAX_PAGE_SIZE = 1000;

const dateText = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a date");

export const flireoCallSchema = z.looseObject({
  id: z.string().min(1).max(500),
  // Documented: connecting | ringing | in-progress | ended | failed, and the SDK's newer ones; any other is kept as text.
  status: z.string().min(1).max(100),
  caller_phone: z.string().max(100).nullish(),
  assistant_phone: z.string().max(100).nullish(),
  phone_number: z.string().max(100).nullish(),
  direction: z.string().max(50).nullish(),
  error: z.string().nullish(),
  end_reason: z.string().max(500).nullish(),
  started_at: dateText.nullish(),
  ended_at: dateText.nullish(),
  created_at: dateText.nullish(),
  updated_at: dateText.nullish(),
  duration_seconds: z.number().min(0).nullish(),
  summary: z.string().nullish(),
  analysis_result: z.record(z.string(), z.unknown()).nullish(),
  messages: z.array(z.looseObject({ role: z.string(), content: z.string().nullish() })).nullish(),
  recording_url: z.string().max(4000).nullish(),
  agent_name: z.string().nullish(),
});
export type FlireoCall = z.infer<typeof flireoCallSchema>;

const pageSchema = z.object({
  calls: z.array(z.unknown()),
  pagination: z.looseObject({ total: z.number().int().min(0), limit: z.number().int().nullish(), offset: z.number().int().nullish() }),
});

export type FlireoCallPage = { calls: FlireoCall[]; total: number; malformed: number };

export type ListCallsQuery = { startDate: Date; endDate: Date; limit: number; offset: number };

export async function listCallsPage(client: FlireoClient, query: ListCallsQuery): Promise<FlireoCallPage> {
  const params = new URLSearchParams({
    start_date: query.startDate.toISOString(),
    end_date: query.endDate.toISOString(),
    limit: String(Math.min(MAX_PAGE_SIZE, Math.max(1, query.limit))),
    offset: String(query.offset),
  });
  const page = await client.request("GET", `/calls?${params}`, "list calls", pageSchema);
  const calls: FlireoCall[] = [];
  let malformed = 0;
  for (const item of page.calls) {
    const call = flireoCallSchema.safeParse(item);
    if (call.success) calls.push(call.data);
    else malformed++;
  }
  return { calls, total: page.pagination.total, malformed };
}

/** One call, or null when Flireo answers 404 (it does not know the id). */
export async function getFlireoCall(client: FlireoClient, id: string): Promise<FlireoCall | null> {
  try {
    return await client.request("GET", `/calls/${encodeURIComponent(id)}`, `read call ${id}`, flireoCallSchema);
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    throw error;
  }
}

const activeCalls = z.number().int().min(0);
// Documented on GET /organizations, its wrapping not: a bare organization, `{ organization }` or a list of them.
const organizationSchema = z.union([
  z.looseObject({ active_calls: activeCalls }).transform((body) => body.active_calls),
  z.looseObject({ organization: z.looseObject({ active_calls: activeCalls }) }).transform((body) => body.organization.active_calls),
  z
    .looseObject({ organizations: z.array(z.looseObject({ active_calls: activeCalls })).min(1) })
    .transform((body) => body.organizations.reduce((sum, organization) => sum + organization.active_calls, 0)),
]);

/** Calls in progress at Flireo, inbound and outbound, for the organization the key belongs to. */
export async function getActiveCallCount(client: FlireoClient): Promise<number> {
  return client.request("GET", "/organizations", "read the organization's active calls", organizationSchema);
}
