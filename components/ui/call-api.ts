// fetch for the webhooks page: JSON in and out, and Callboard's error message (or Flireo's, relayed) as the Error.
export class ApiCallError extends Error {
  override name = "ApiCallError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function callApi<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (json as { error?: { message?: string } } | null)?.error?.message ?? `The request failed (${response.status}).`;
    throw new ApiCallError(message, response.status);
  }
  return json as T;
}
