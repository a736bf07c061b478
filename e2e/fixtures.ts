// Each Playwright worker gets its own Callboard server and database; tests use unique calls within it.
import { test as base, expect } from "@playwright/test";
import pg from "pg";
import { endOfCallReport, type ReportInput } from "@/lib/testing/end-of-call-report";
import { postWebhook, type StatusInput, camelStatusUpdate } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

type WorkerFixtures = { server: TestServer };
type TestFixtures = {
  sendStatus: (input: StatusInput) => Promise<void>;
  sendReport: (input: ReportInput) => Promise<void>;
  /** Runs SQL against the worker's database, to compare what the board shows with what is stored. */
  queryDb: <T extends pg.QueryResultRow>(sql: string, values?: unknown[]) => Promise<T[]>;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startTestServer();
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 90_000 },
  ],
  baseURL: async ({ server }, use) => use(server.baseUrl),
  sendStatus: async ({ server }, use) => {
    await use(async (input) => {
      const response = await postWebhook(server.baseUrl, camelStatusUpdate(input), { secret: TEST_WEBHOOK_SECRET });
      expect(response.status, await response.clone().text()).toBe(200);
    });
  },
  sendReport: async ({ server }, use) => {
    await use(async (input) => {
      const response = await postWebhook(server.baseUrl, endOfCallReport(input), { secret: TEST_WEBHOOK_SECRET });
      expect(response.status, await response.clone().text()).toBe(200);
    });
  },
  queryDb: async ({ server }, use) => {
    const client = new pg.Client({ connectionString: server.database.url });
    await client.connect();
    await use(async (sql, values) => (await client.query(sql, values)).rows);
    await client.end();
  },
});

export { expect };
