// What Callboard's webhook URL promises its senders, beside the status codes of lib/http/api-error.ts.

/** What a GET on the webhook URL says it is: how a browser, or the simulator, tells Callboard's URL from another. */
export const WEBHOOK_ENDPOINT_NAME = "Callboard webhook receiver for Flireo AI voice agents";

/** On the empty 200 that acknowledges a status-update or report: "stored", or "duplicate" for a repeated delivery. */
export const OUTCOME_HEADER = "x-callboard-outcome";
