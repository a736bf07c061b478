// Test users and sign-in over HTTP. Users are written the way Better Auth's createUser writes them (a user row and a
// `credential` account holding Better Auth's own password hash), straight into the test's database.
import { randomUUID } from "node:crypto";
import type { BrowserContextOptions } from "@playwright/test";
import { hashPassword } from "better-auth/crypto";
import pg from "pg";
import type { Role } from "@/lib/shared/auth/roles";

export type TestUser = { email: string; password: string; role: Role };

export const TEST_PASSWORD = "correct horse battery staple";

export function newTestUser(role: Role): TestUser {
  return { email: `${role}-${randomUUID().slice(0, 8)}@example.test`, password: TEST_PASSWORD, role };
}

export async function createTestUser(databaseUrl: string, user: TestUser): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const id = randomUUID();
    await client.query(`INSERT INTO users (id, name, email, role) VALUES ($1, $2, $3, $4)`, [id, user.email, user.email, user.role]);
    await client.query(`INSERT INTO accounts (id, account_id, provider_id, user_id, password) VALUES ($1, $2, 'credential', $2, $3)`, [
      randomUUID(),
      id,
      await hashPassword(user.password),
    ]);
    return id;
  } finally {
    await client.end();
  }
}

/** Signs in as a browser on the server's own origin would; returns the Cookie header to send with later requests. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const send = () =>
    fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email, password }),
    });
  // A pooled keep-alive connection the server has just closed fails before the request is sent; retry it once.
  const response = await send().catch((error: unknown) => {
    if ((error as { cause?: { code?: string } }).cause?.code === "UND_ERR_SOCKET") return send();
    throw error;
  });
  if (!response.ok) throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  if (cookies.length === 0) throw new Error(`Sign-in as ${email} set no cookie.`);
  return cookies.join("; ");
}

/** Creates a user of the role and signs in as them. */
export async function createSignedInUser(baseUrl: string, databaseUrl: string, role: Role): Promise<TestUser & { id: string; cookie: string }> {
  const user = newTestUser(role);
  const id = await createTestUser(databaseUrl, user);
  return { ...user, id, cookie: await signIn(baseUrl, user.email, user.password) };
}

export type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

/** A Cookie header from a sign-in, as Playwright's storage state for the test servers (all on 127.0.0.1). */
export function storageStateFromCookie(cookieHeader: string): StorageState {
  const cookies = cookieHeader.split("; ").map((pair) => {
    const [name = "", value = ""] = pair.split(/=(.*)/s);
    return { name, value, domain: "127.0.0.1", path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" as const };
  });
  return { cookies, origins: [] };
}
