// The checks a destination URL gets when it is saved, beyond its shape: Slack destinations go to Slack's host (or
// one named in ALERT_SLACK_HOSTS), and no destination points at an address alerts may not reach. The same address
// check runs again on every send, on the address actually connected to.
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { DestinationKind } from "@/lib/shared/alerts/alert-view";
import { findRefusedHost } from "./destination-address-policy";
import { alertAddressPolicy, isSlackUrl } from "./send-alert";

/** What is wrong with `url` for a destination of `kind`, read on from the field's name ("must…"), or null. */
export async function findDestinationUrlProblem(kind: DestinationKind, url: string): Promise<string | null> {
  const parsed = new URL(url);
  if (kind === "slack" && !isSlackUrl(url)) {
    const hosts = env.ALERT_SLACK_HOSTS.map((host) => `https://${host}/…`).join(" or ");
    return `must be a Slack incoming-webhook URL, ${hosts}`;
  }
  const refused = await findRefusedHost(parsed.hostname, alertAddressPolicy());
  return refused === null ? null : `must not point where alerts may not go: ${refused}`;
}

/** Refuses with a 422 naming the field as the Alerts page does ("Destination 2: the URL must…"). */
export async function refuseDisallowedDestinationUrl(kind: DestinationKind, url: string, fieldName: string): Promise<void> {
  const problem = await findDestinationUrlProblem(kind, url);
  if (problem !== null) throw new ApiError("unprocessable", `${fieldName} ${problem}.`);
}
