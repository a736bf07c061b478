-- Full-text search over what was said in a call: its summary, its transcript, its error and its end reason.
-- The words are kept by Postgres itself in a generated column, stemmed both as English and as Dutch (so "refund"
-- finds "refunds" and "terugbetaling" finds "terugbetalingen"), under a GIN index.

-- The transcript's words: Flireo's messages (the system prompt left out: it is the same for every call and would
-- make every call match its words) or the legacy text as it came.
CREATE FUNCTION "callboard_transcript_text"("transcript" jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE jsonb_typeof("transcript")
    WHEN 'string' THEN "transcript" #>> '{}'
    WHEN 'array' THEN (
      SELECT string_agg("message"->>'content', E'\n' ORDER BY "position")
      FROM jsonb_array_elements("transcript") WITH ORDINALITY AS "messages"("message", "position")
      WHERE jsonb_typeof("message") = 'object'
        AND jsonb_typeof("message"->'content') = 'string'
        AND ("message"->>'role') IS DISTINCT FROM 'system'
    )
  END
$$;

-- The text a call is searched by, and the text its matching passage is cut from (ts_headline).
CREATE FUNCTION "callboard_search_text"("summary" text, "transcript" jsonb, "error" text, "end_reason" text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce("summary", '') || E'\n' || coalesce("callboard_transcript_text"("transcript"), '') || E'\n' ||
         coalesce("error", '') || E'\n' || coalesce("end_reason", '')
$$;

ALTER TABLE "calls" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig, "callboard_search_text"("summary", "transcript", "error", "end_reason")) ||
  to_tsvector('dutch'::regconfig, "callboard_search_text"("summary", "transcript", "error", "end_reason"))
) STORED;

CREATE INDEX "calls_search_vector_idx" ON "calls" USING GIN ("search_vector");
