// Each Playwright worker gets its own Callboard server and database; tests use unique calls within it.
// Every test's `page` is signed in as the worker's admin; `viewerPage` is a second browser signed in as a viewer.
import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";
import type { Role } from "@/lib/shared/auth/roles";
import { createTestUser, newTestUser, signIn, storageStateFromCookie, type StorageState, type TestUser } from "@/lib/testing/auth";
import { endOfCallReport, type ReportInput } from "@/lib/testing/end-of-call-report";
import { postWebhook, type StatusInput, camelStatusUpdate } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

export type TestAccount = TestUser & { storageState: StorageState };
type WorkerFixtures = { server: TestServer; accounts: Record<Role, TestAccount> };
type TestFixtures = {
  sendStatus: (input: StatusInput) => Promise<void>;
  sendReport: (input: ReportInput) => Promise<void>;
  /** Runs SQL against the worker's database, to compare what the board shows with what is stored. */
  queryDb: <T extends pg.QueryResultRow>(sql: string, values?: unknown[]) => Promise<T[]>;
  viewerPage: Page;
};

/** The session cookie of a fresh sign-in, as Playwright's storage state for this server. */
async function signInAsStorageState(server: TestServer, user: TestUser): Promise<StorageState> {
  return storageStateFromCookie(await signIn(server.baseUrl, user.email, user.password));
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      // A roomier sign-in limit than the default 5 a minute: a worker signs in for several tests.
      // Alert receivers in the tests listen on 127.0.0.1, which Callboard refuses unless told otherwise. The server
      // runs in UTC, as most servers do; specs that care put the browser elsewhere.
      const server = await startTestServer({ env: { LOGIN_ATTEMPTS_PER_MINUTE: "50", ALERT_ALLOW_LOOPBACK_DESTINATIONS: "true", TZ: "UTC" } });
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 90_000 },
  ],
  accounts: [
    async ({ server }, use) => {
      const accounts = {} as Record<Role, TestAccount>;
      for (const role of ["admin", "viewer"] as const) {
        const user = newTestUser(role);
        await createTestUser(server.database.url, user);
        accounts[role] = { ...user, storageState: await signInAsStorageState(server, user) };
      }
      await use(accounts);
    },
    { scope: "worker" },
  ],
  baseURL: async ({ server }, use) => use(server.baseUrl),
  storageState: async ({ accounts }, use) => use(accounts.admin.storageState),
  viewerPage: async ({ browser, server, accounts }, use) => {
    const context = await browser.newContext({ baseURL: server.baseUrl, storageState: accounts.viewer.storageState });
    await use(await context.newPage());
    await context.close();
  },
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

export { expect, storageStateFromCookie };
