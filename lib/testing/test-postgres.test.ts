import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { dropLeftoverTestDatabases, getTestAdminUrl } from "./test-postgres";

const names = (stamp: number, tag: string) => `callboard_test_${stamp.toString(36)}_${tag}`;

async function onAdmin<T>(run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: getTestAdminUrl() });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

describe("dropLeftoverTestDatabases", () => {
  const tag = Math.random().toString(16).slice(2, 10);
  // "This run" starts in the future, so no database of the test files running beside this one counts as its own.
  const since = Date.now() + 365 * 24 * 60 * 60 * 1000;
  const ours = names(since + 1_000, `${tag}a`);
  const anotherRuns = names(Date.now() - 60 * 60 * 1000, `${tag}b`);
  const abandoned = names(Date.now() - 3 * 24 * 60 * 60 * 1000, `${tag}c`);

  afterAll(() => onAdmin(async (admin) => {
    for (const name of [ours, anotherRuns, abandoned]) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }));

  it("drops this run's test databases and abandoned ones, and leaves another run's alone", async () => {
    await onAdmin(async (admin) => {
      for (const name of [ours, anotherRuns, abandoned]) await admin.query(`CREATE DATABASE "${name}"`);
    });
    await dropLeftoverTestDatabases(getTestAdminUrl(), since);
    const left = await onAdmin(async (admin) => (await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`%${tag}%`])).rows.map((row) => row.datname));
    expect(left).toEqual([anotherRuns]);
  });
});
