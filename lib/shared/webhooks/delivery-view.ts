// The delivery log as the webhooks page sees it. Safe to import from client components.

export const DELIVERY_OUTCOMES = ["stored", "duplicate", "ignored", "rejected"] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** The JSON contract of GET /api/webhooks/deliveries; the webhooks page is built on exactly this. */
export type DeliveryView = {
  id: string;
  receivedAt: string;
  eventType: string | null;
  callId: string | null;
  outcome: DeliveryOutcome;
  reason: string | null;
  statusCode: number;
  durationMs: number;
  /** How many webhooks the row stands for: more than 1 for refusals aggregated under a flood. */
  count: number;
};

export type DeliveryCounts = Record<DeliveryOutcome, number>;

export type DeliveriesResponse = { deliveries: DeliveryView[]; counts: DeliveryCounts };
