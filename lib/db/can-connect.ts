// Whether a Postgres server answers at a URL: for finding an embedded Postgres that is already running before
// starting one (command-line tools, the test set-up).
import pg from "pg";

export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
