-- When each of a call's details was given: the event time of the event its value came from. The fold keeps, for
-- each detail, the value of the latest event (by its own time) that carried one, whatever order events arrive in.
ALTER TABLE "calls"
  ADD COLUMN "call_type_at" TIMESTAMPTZ(3),
  ADD COLUMN "line_number_at" TIMESTAMPTZ(3),
  ADD COLUMN "line_name_at" TIMESTAMPTZ(3),
  ADD COLUMN "customer_number_at" TIMESTAMPTZ(3),
  ADD COLUMN "duration_seconds_at" TIMESTAMPTZ(3),
  ADD COLUMN "summary_at" TIMESTAMPTZ(3),
  ADD COLUMN "analysis_at" TIMESTAMPTZ(3),
  ADD COLUMN "transcript_at" TIMESTAMPTZ(3),
  ADD COLUMN "recording_url_at" TIMESTAMPTZ(3),
  ADD COLUMN "metadata_at" TIMESTAMPTZ(3);

-- Calls stored before: their details count as given at their latest event, so only a later event replaces them.
UPDATE "calls" SET
  "call_type_at" = CASE WHEN "call_type" IS NOT NULL THEN "last_event_at" END,
  "line_number_at" = CASE WHEN "line_number" IS NOT NULL THEN "last_event_at" END,
  "line_name_at" = CASE WHEN "line_name" IS NOT NULL THEN "last_event_at" END,
  "customer_number_at" = CASE WHEN "customer_number" IS NOT NULL THEN "last_event_at" END,
  "duration_seconds_at" = CASE WHEN "duration_seconds" IS NOT NULL THEN "last_event_at" END,
  "summary_at" = CASE WHEN "summary" IS NOT NULL THEN "last_event_at" END,
  "analysis_at" = CASE WHEN "analysis" IS NOT NULL THEN "last_event_at" END,
  "transcript_at" = CASE WHEN "transcript" IS NOT NULL THEN "last_event_at" END,
  "recording_url_at" = CASE WHEN "recording_url" IS NOT NULL THEN "last_event_at" END,
  "metadata_at" = CASE WHEN "metadata" IS NOT NULL THEN "last_event_at" END;
