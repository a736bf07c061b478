-- The board's history and figures: recently ended calls, and counts by start time ("today", per minute).
CREATE INDEX "calls_ended_at_idx" ON "calls"("ended_at" DESC);
-- A call counts from its start, or its first event when Flireo never sent the start.
CREATE INDEX "calls_started_or_first_event_idx" ON "calls"((COALESCE("started_at", "first_event_at")) DESC);
