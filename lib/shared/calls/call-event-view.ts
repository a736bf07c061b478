// One stored webhook event of a call as its page shows it; safe for client components.
export type CallEventView = {
  id: string;
  type: string;
  status: string | null;
  occurredAt: string;
  receivedAt: string;
  payload: unknown;
};

/** A page of a call's timeline; `nextAfter` asks for the page after it, null on the last. */
export type CallEventPage = { events: CallEventView[]; nextAfter: string | null };

/** How many events the call page shows at first, and fetches each time more are asked for. */
export const CALL_EVENTS_PAGE_SIZE = 200;
