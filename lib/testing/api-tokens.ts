// Read-API tokens for tests: made over HTTP as an admin would make them, and requests that carry one.
import type { CreatedApiToken } from "@/lib/shared/api-tokens/api-token-view";
import type { TestServer } from "./test-server";

export async function createApiTokenOverHttp(
  server: TestServer,
  input: { name?: string; expiresInDays?: number | null } = {},
  cookie?: string,
): Promise<CreatedApiToken> {
  const response = await fetch(`${server.baseUrl}/api/api-tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl, cookie: cookie ?? (await server.adminCookie()) },
    body: JSON.stringify({ name: input.name ?? `test token ${Math.random().toString(36).slice(2, 8)}`, expiresInDays: input.expiresInDays ?? null }),
  });
  if (response.status !== 201) throw new Error(`Creating an API token failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedApiToken;
}

/** GET on the read API with `Authorization: Bearer <token>` (no header when token is null). */
export function apiGet(server: TestServer, pathAndQuery: string, token: string | null, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.baseUrl}${pathAndQuery}`, { headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers } });
}
