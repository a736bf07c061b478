// The load the ingestion benchmarks send: signed Flireo status-updates over distinct calls, as autocannon options.
import type autocannon from "autocannon";
import { TEST_WEBHOOK_SECRET } from "@/lib/testing/test-server";
import { signatureHeaders } from "@/lib/webhooks/verify-signature";

// Like any ordinary HTTP client (Node's fetch sends the same), so that what a server does for such clients is measured.
export const CLIENT_HEADERS = { "accept-encoding": "gzip, deflate" };

/**
 * A realistic mix over distinct calls: each call gets an in-progress, then most end normally and some with an
 * error. Every request is freshly signed, as Flireo does.
 */
export function createStatusUpdates(runId: string) {
  let sequence = 0;
  return () => {
    const n = sequence++;
    const callId = `bench-${runId}-${Math.floor(n / 2)}`;
    const isStart = n % 2 === 0;
    const isError = !isStart && n % 14 === 1;
    const message = {
      type: "status-update",
      timestamp: new Date(Date.UTC(2026, 10, 27, 9) + n).toISOString(),
      call: { id: callId, type: "inboundPhoneCall", status: isStart ? "in-progress" : isError ? "ended-with-error" : "ended" },
      phoneNumber: { number: "+31201234567", name: "Main line" },
      customer: { number: `+316${String(10_000_000 + (n % 89_999_999)).slice(0, 8)}` },
      ...(isError ? { error: "STT connection failed" } : {}),
    };
    const body = JSON.stringify({ message });
    return { body, headers: { ...CLIENT_HEADERS, "content-type": "application/json", ...signatureHeaders(TEST_WEBHOOK_SECRET, body) } };
  };
}

/** Autocannon options that POST a fresh signed status-update on every request. */
export function statusUpdateLoad(url: string, connections: number, runId: string): autocannon.Options {
  const next = createStatusUpdates(runId);
  return {
    url,
    connections,
    method: "POST",
    requests: [{ setupRequest: (request) => ({ ...request, method: "POST", ...next() }) }],
  };
}
