-- Error alerts: rules with their destinations, an outbox of calls that ended with an error (filled by a trigger
-- on calls, in the same transaction as the change, so an acknowledged error is never lost and ingestion's own
-- code is untouched), the alerts raised, and one delivery row per alert and destination.

CREATE TABLE "alert_rules" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    -- threshold rules: fire when more than threshold_count errors fall within window_minutes.
    "threshold_count" INTEGER,
    "window_minutes" INTEGER,
    "line_number" TEXT,
    "error_contains" TEXT,
    "cooldown_seconds" INTEGER NOT NULL DEFAULT 300,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,
    -- Cooldown state, changed only by the alert worker under a row lock.
    "cooldown_until" TIMESTAMPTZ(3),
    "suppressed_count" INTEGER NOT NULL DEFAULT 0,
    "suppressed_since" TIMESTAMPTZ(3),
    "last_suppressed_call_id" TEXT,
    "last_fired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_rules_kind_check" CHECK ("kind" IN ('each-error', 'threshold')),
    CONSTRAINT "alert_rules_threshold_check" CHECK (
        ("kind" = 'threshold') = ("threshold_count" IS NOT NULL AND "window_minutes" IS NOT NULL)),
    CONSTRAINT "alert_rules_cooldown_check" CHECK ("cooldown_seconds" >= 0)
);

CREATE TABLE "alert_destinations" (
    "id" BIGSERIAL NOT NULL,
    "rule_id" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT,
    -- Signs a generic webhook's body; receivers verify it as Callboard verifies Flireo's.
    "secret" TEXT,
    "email_to" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_destinations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_destinations_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE,
    CONSTRAINT "alert_destinations_kind_check" CHECK ("kind" IN ('webhook', 'slack', 'email'))
);
CREATE INDEX "alert_destinations_rule_id_idx" ON "alert_destinations"("rule_id");

-- The outbox: one row per call that ended with an error, pending until the alert worker has evaluated it.
-- Processed rows stay for a while: threshold rules count them.
CREATE TABLE "alert_errors" (
    "id" BIGSERIAL NOT NULL,
    "call_id" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_errors_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_errors_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "alert_errors_call_id_key" ON "alert_errors"("call_id");
CREATE INDEX "alert_errors_recorded_at_idx" ON "alert_errors"("recorded_at");
CREATE INDEX "alert_errors_pending_idx" ON "alert_errors"("id") WHERE "processed_at" IS NULL;

CREATE TABLE "alerts" (
    "id" BIGSERIAL NOT NULL,
    "rule_id" BIGINT,
    "rule_name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alerts_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE SET NULL,
    CONSTRAINT "alerts_kind_check" CHECK ("kind" IN ('error', 'threshold', 'summary', 'test'))
);
CREATE INDEX "alerts_created_at_idx" ON "alerts"("created_at");

CREATE TABLE "alert_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" BIGINT NOT NULL,
    "destination_id" BIGINT,
    "destination_kind" TEXT NOT NULL,
    "destination_label" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- A sender's lease: while it is in the future, no other worker picks the row.
    "locked_until" TIMESTAMPTZ(3),
    "last_status" INTEGER,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_deliveries_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE,
    CONSTRAINT "alert_deliveries_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "alert_destinations"("id") ON DELETE SET NULL,
    CONSTRAINT "alert_deliveries_state_check" CHECK ("state" IN ('pending', 'sent', 'failed'))
);
CREATE UNIQUE INDEX "alert_deliveries_alert_id_destination_id_key" ON "alert_deliveries"("alert_id", "destination_id");
CREATE INDEX "alert_deliveries_due_idx" ON "alert_deliveries"("next_attempt_at") WHERE "state" = 'pending';
CREATE INDEX "alert_deliveries_created_at_idx" ON "alert_deliveries"("created_at" DESC);

-- Records a call's turn to ended-with-error in the outbox, in the transaction that made it, and wakes the alert
-- workers (NOTIFY is delivered at commit). The triggers' WHEN clauses keep every other write free of cost.
CREATE FUNCTION "record_alert_error"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "alert_errors" ("call_id") VALUES (NEW."id") ON CONFLICT ("call_id") DO NOTHING;
    PERFORM pg_notify('callboard_alerts', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER "calls_alert_error_on_insert" AFTER INSERT ON "calls"
    FOR EACH ROW WHEN (NEW."status" = 'ended-with-error') EXECUTE FUNCTION "record_alert_error"();
CREATE TRIGGER "calls_alert_error_on_update" AFTER UPDATE OF "status" ON "calls"
    FOR EACH ROW WHEN (NEW."status" = 'ended-with-error' AND OLD."status" IS DISTINCT FROM 'ended-with-error')
    EXECUTE FUNCTION "record_alert_error"();
