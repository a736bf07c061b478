// Which addresses alert deliveries may connect to. An admin enters the URL, so without this an alert (and above all
// *Send test alert*) reaches whatever the server can: its own Postgres, the cloud's metadata service, the office LAN.
//
// ipaddr.js rather than request-filtering-agent: the latter is an http.Agent with its own fixed policy, while this
// needs Callboard's (private ranges behind a flag, loopback for tests) in a lookup hook of node:http, and one
// classification shared with the check when a URL is saved. ipaddr.js knows the special ranges (IPv4 and IPv6)
// and unwraps IPv4-mapped IPv6 (::ffff:127.0.0.1), which a hand-written prefix list gets wrong.
import dns from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

export type AddressPolicy = { allowPrivate: boolean; allowLoopback: boolean };

const PRIVATE_RANGES = new Set(["private", "carrierGradeNat", "uniqueLocal"]);

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address (this machine)",
  linkLocal: "a link-local address (such as a cloud metadata service)",
  private: "a private network address",
  carrierGradeNat: "a shared (carrier-grade NAT) address",
  uniqueLocal: "a private (unique local) IPv6 address",
  unspecified: "the unspecified address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
};

/** Why alerts may not go to `address` (a bare IP), or null when they may. */
export function describeRefusedAddress(address: string, policy: AddressPolicy): string | null {
  if (isIP(address) === 0) return "not an IP address";
  // process() turns ::ffff:a.b.c.d into a.b.c.d, so a mapped address is judged as the IPv4 address it is.
  const range = ipaddr.process(address).range();
  if (range === "unicast") return null;
  if (range === "loopback" && policy.allowLoopback) return null;
  if (PRIVATE_RANGES.has(range) && policy.allowPrivate) return null;
  const name = RANGE_NAMES[range] ?? "a reserved address";
  const way =
    PRIVATE_RANGES.has(range) ? " (a receiver on your own network needs ALERT_ALLOW_PRIVATE_DESTINATIONS=true on the server)" : "";
  return `${name}${way}`;
}

/** The code of the error a refused destination fails with, so a sender can tell it from a network failure. */
export const REFUSED_DESTINATION = "ECALLBOARD_REFUSED_DESTINATION";

export class RefusedDestinationError extends Error {
  readonly code = REFUSED_DESTINATION;
  constructor(host: string, address: string, reason: string) {
    super(host === address ? `${address} is ${reason}` : `${host} resolves to ${address}, ${reason}`);
  }
}

/** A host name or IP literal as it appears in a URL's hostname (IPv6 in brackets). */
export function stripBrackets(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/**
 * A lookup for node:http's `lookup` option: it resolves as usual and refuses when any address is off limits. The
 * connection then goes to exactly the address checked here, so a name that resolves to a public address once
 * and to an internal one the next time (DNS rebinding) is caught when it matters. An IP literal in the URL skips
 * lookups altogether (Node connects to it directly), so senders check those themselves first.
 */
export function createGuardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      for (const { address } of addresses) {
        const reason = describeRefusedAddress(address, policy);
        if (reason !== null) return callback(new RefusedDestinationError(hostname, address, reason), "", 0);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * Why alerts may not go to `hostname` as it resolves now ("127.0.0.1 is a loopback address…", "localhost resolves
 * to 127.0.0.1, a loopback address…"), or null. A name that does not resolve (yet) is left to the send.
 */
export async function findRefusedHost(hostname: string, policy: AddressPolicy, timeoutMs = 3_000): Promise<string | null> {
  const host = stripBrackets(hostname);
  if (isIP(host) !== 0) {
    const reason = describeRefusedAddress(host, policy);
    return reason === null ? null : new RefusedDestinationError(host, host, reason).message;
  }
  const lookup = dns.promises.lookup(host, { all: true }).catch(() => []);
  const timeout = new Promise<[]>((resolve) => setTimeout(() => resolve([]), timeoutMs).unref());
  for (const { address } of await Promise.race([lookup, timeout])) {
    const reason = describeRefusedAddress(address, policy);
    if (reason !== null) return new RefusedDestinationError(host, address, reason).message;
  }
  return null;
}
