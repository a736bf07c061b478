// Rate limits hold across instances: two Callboard processes on one database (and, with REDIS_URL, one Redis) count
// a source's webhooks, a token's requests and an address's refused tokens against one limit each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiToken } from "@/lib/api-tokens/api-token-secret";
import { apiGet, createApiTokenOverHttp } from "@/lib/testing/api-tokens";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { isRedisReachable, TEST_REDIS_URL } from "@/lib/testing/redis";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

const LIMITS = { WEBHOOK_RATE_LIMIT_PER_MINUTE: "6", API_RATE_LIMIT_PER_MINUTE: "6", API_TOKEN_FAILURES_PER_MINUTE: "4" };

/** Alternates `count` requests between the two instances, in order, and returns their statuses. */
async function alternate(instances: TestServer[], count: number, send: (server: TestServer) => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index++) statuses.push((await send(instances[index % 2]!)).status);
  return statuses;
}

function describeSharedLimits(storeName: string, extraEnv: () => Record<string, string>) {
  describe(`shared rate limits (${storeName})`, () => {
    let instances: TestServer[];
    beforeAll(async () => {
      const first = await startTestServer({ env: { ...LIMITS, ...extraEnv() } });
      const second = await startTestServer({ database: first.database, env: { ...LIMITS, ...extraEnv() } });
      instances = [first, second];
    });
    afterAll(async () => {
      await instances?.[1]?.stop();
      await instances?.[0]?.stop();
    });

    it("counts one source's webhooks sent to either instance against one limit", async () => {
      // The limit is per address, so this test's source has one of its own.
      const headers = { "x-forwarded-for": "ignored without TRUST_PROXY" };
      const statuses = await alternate(instances, 8, (server) =>
        postWebhook(server.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET, headers }),
      );
      expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(statuses.slice(6)).toEqual([429, 429]);
    });

    it("counts a read-API token's requests to either instance against one limit", async () => {
      const { secret } = await createApiTokenOverHttp(instances[0]!);
      const statuses = await alternate(instances, 8, (server) => apiGet(server, "/api/v1/calls?limit=1", secret));
      expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(statuses.slice(6)).toEqual([429, 429]);
    });

    it("stops an address guessing tokens at either instance, even once it sends a valid one", async () => {
      const { secret } = await createApiTokenOverHttp(instances[0]!);
      const statuses = await alternate(instances, 6, (server) => apiGet(server, "/api/v1/calls?limit=1", generateApiToken()));
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
      const valid = await apiGet(instances[1]!, "/api/v1/calls?limit=1", secret);
      expect(valid.status).toBe(429);
      expect(Number(valid.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await valid.json()).toMatchObject({ error: { code: "rate_limited", message: expect.stringContaining("Too many refused API tokens") } });
    });
  });
}

describeSharedLimits("Postgres", () => ({ REALTIME_ADAPTER: "postgres" }));
// CI starts a Redis on this port (.ci/run); without one there is nothing to share through, and the suite says so.
const hasRedis = await isRedisReachable();
describe.runIf(hasRedis)("with Redis", () => {
  describeSharedLimits("Redis", () => ({ REDIS_URL: TEST_REDIS_URL, REALTIME_ADAPTER: "postgres" }));
});
