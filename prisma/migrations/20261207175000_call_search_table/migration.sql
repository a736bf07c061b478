-- The search moves out of the calls table. The generated search_vector column made every write of a call (and a
-- call is written several times: in progress, ended, its report) compute both languages' stems again and write the
-- GIN index, status and line included, which cost ingestion a quarter of its throughput. The words now live in
-- call_search, one row per call that has anything to search (a summary, a transcript, an error or an end reason),
-- written by a trigger only when those, the call's status or its line actually change: a status-update that
-- changes nothing searchable does not touch it.

-- The words of a call, English and Dutch stems, as the generated column had them.
CREATE FUNCTION "callboard_search_vector"("summary" text, "transcript" jsonb, "error" text, "end_reason" text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('english'::regconfig, "document") || to_tsvector('dutch'::regconfig, "document")
  FROM (SELECT "callboard_search_text"("summary", "transcript", "error", "end_reason") AS "document") AS "text"
$$;

-- status and line_number are the call's, kept here so that a search narrowed to them is answered inside the GIN
-- index (btree_gin); created_at orders the matches without reading the calls.
CREATE TABLE "call_search" (
  "call_id" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL,
  "status" TEXT NOT NULL,
  "line_number" TEXT,
  "search_vector" tsvector NOT NULL,
  CONSTRAINT "call_search_pkey" PRIMARY KEY ("call_id"),
  CONSTRAINT "call_search_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The calls searched until now, with the words their column holds.
INSERT INTO "call_search" ("call_id", "created_at", "status", "line_number", "search_vector")
SELECT "id", "created_at", "status", "line_number", "search_vector" FROM "calls"
WHERE "summary" IS NOT NULL OR "transcript" IS NOT NULL OR "error" IS NOT NULL OR "end_reason" IS NOT NULL;

DROP INDEX "calls_search_vector_idx";
ALTER TABLE "calls" DROP COLUMN "search_vector";

CREATE INDEX "call_search_created_at_call_id_idx" ON "call_search" ("created_at" DESC, "call_id" DESC);
-- A pending list of at most 256 kB: new rows go in cheaply, and a search, which reads the whole list, stays fast.
CREATE INDEX "call_search_search_vector_idx" ON "call_search" USING GIN ("search_vector", "status", "line_number")
  WITH (fastupdate = on, gin_pending_list_limit = 256);

-- Writes the call's search row, or removes it when nothing searchable is left.
CREATE FUNCTION "callboard_write_call_search"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."summary" IS NULL AND NEW."transcript" IS NULL AND NEW."error" IS NULL AND NEW."end_reason" IS NULL THEN
    DELETE FROM "call_search" WHERE "call_id" = NEW."id";
  ELSIF TG_OP = 'UPDATE'
    AND NEW."summary" IS NOT DISTINCT FROM OLD."summary" AND NEW."transcript" IS NOT DISTINCT FROM OLD."transcript"
    AND NEW."error" IS NOT DISTINCT FROM OLD."error" AND NEW."end_reason" IS NOT DISTINCT FROM OLD."end_reason" THEN
    -- Only the status or the line changed: the words stay as they are.
    UPDATE "call_search" SET "status" = NEW."status", "line_number" = NEW."line_number" WHERE "call_id" = NEW."id";
  ELSE
    INSERT INTO "call_search" ("call_id", "created_at", "status", "line_number", "search_vector")
    VALUES (NEW."id", NEW."created_at", NEW."status", NEW."line_number",
            "callboard_search_vector"(NEW."summary", NEW."transcript", NEW."error", NEW."end_reason"))
    ON CONFLICT ("call_id") DO UPDATE SET
      "status" = EXCLUDED."status", "line_number" = EXCLUDED."line_number", "search_vector" = EXCLUDED."search_vector";
  END IF;
  RETURN NULL;
END
$$;

-- The WHEN clauses are checked without calling the function, so an update that changes nothing searchable costs
-- a few comparisons.
CREATE TRIGGER "calls_search_insert" AFTER INSERT ON "calls" FOR EACH ROW
  WHEN (NEW."summary" IS NOT NULL OR NEW."transcript" IS NOT NULL OR NEW."error" IS NOT NULL OR NEW."end_reason" IS NOT NULL)
  EXECUTE FUNCTION "callboard_write_call_search"();
CREATE TRIGGER "calls_search_update" AFTER UPDATE ON "calls" FOR EACH ROW
  WHEN (NEW."summary" IS DISTINCT FROM OLD."summary" OR NEW."transcript" IS DISTINCT FROM OLD."transcript"
     OR NEW."error" IS DISTINCT FROM OLD."error" OR NEW."end_reason" IS DISTINCT FROM OLD."end_reason"
     OR ((NEW."status" IS DISTINCT FROM OLD."status" OR NEW."line_number" IS DISTINCT FROM OLD."line_number")
         AND (NEW."summary" IS NOT NULL OR NEW."transcript" IS NOT NULL OR NEW."error" IS NOT NULL OR NEW."end_reason" IS NOT NULL)))
  EXECUTE FUNCTION "callboard_write_call_search"();
