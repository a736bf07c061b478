-- Calls and their webhook events.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SEQUENCE "calls_version_seq";

CREATE TABLE "calls" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "status_rank" SMALLINT NOT NULL,
    "status_at" TIMESTAMPTZ(3) NOT NULL,
    "call_type" TEXT,
    "line_number" TEXT,
    "line_name" TEXT,
    "customer_number" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "first_event_at" TIMESTAMPTZ(3) NOT NULL,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,
    "error" TEXT,
    "end_reason" TEXT,
    "duration_seconds" DOUBLE PRECISION,
    "summary" TEXT,
    "analysis" JSONB,
    "transcript" JSONB,
    "recording_url" TEXT,
    "metadata" JSONB,
    "unresolved_at" TIMESTAMPTZ(3),
    "version" BIGINT NOT NULL DEFAULT nextval('calls_version_seq'),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calls_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "calls_status_check" CHECK ("status" IN ('in-progress', 'ended', 'ended-with-error'))
);

CREATE TABLE "call_events" (
    "id" BIGSERIAL NOT NULL,
    "call_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dedupe_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,

    CONSTRAINT "call_events_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "calls_status_started_at_idx" ON "calls"("status", "started_at" DESC);
CREATE INDEX "calls_last_event_at_idx" ON "calls"("last_event_at" DESC);
-- Partial-number search ("digits anywhere") on either number.
CREATE INDEX "calls_customer_number_trgm_idx" ON "calls" USING GIN ("customer_number" gin_trgm_ops);
CREATE INDEX "calls_line_number_trgm_idx" ON "calls" USING GIN ("line_number" gin_trgm_ops);

CREATE UNIQUE INDEX "call_events_call_id_dedupe_key_key" ON "call_events"("call_id", "dedupe_key");
CREATE INDEX "call_events_call_id_occurred_at_idx" ON "call_events"("call_id", "occurred_at");

ALTER TABLE "call_events" ADD CONSTRAINT "call_events_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
