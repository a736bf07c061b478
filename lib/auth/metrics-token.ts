// /api/metrics for a scraper without a browser session: `Authorization: Bearer <METRICS_TOKEN>` when configured.
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

export function isMetricsTokenValid(authorization: string | null): boolean {
  if (!env.METRICS_TOKEN || !authorization?.startsWith("Bearer ")) return false;
  const given = Buffer.from(authorization.slice("Bearer ".length));
  const expected = Buffer.from(env.METRICS_TOKEN);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
