-- Why a call left the live list unresolved, and a log of every webhook delivery.
ALTER TABLE "calls" ADD COLUMN "unresolved_reason" TEXT;

-- The stale-call sweeper looks only at live calls, oldest news first.
CREATE INDEX "calls_live_last_event_at_idx" ON "calls"("last_event_at")
    WHERE "status" = 'in-progress' AND "unresolved_at" IS NULL;

CREATE TABLE "webhook_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "event_type" TEXT,
    "call_id" TEXT,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "status_code" SMALLINT NOT NULL,
    "duration_ms" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_deliveries_outcome_check" CHECK ("outcome" IN ('stored', 'duplicate', 'ignored', 'rejected'))
);

CREATE INDEX "webhook_deliveries_received_at_idx" ON "webhook_deliveries"("received_at" DESC);
CREATE INDEX "webhook_deliveries_outcome_received_at_idx" ON "webhook_deliveries"("outcome", "received_at" DESC);
