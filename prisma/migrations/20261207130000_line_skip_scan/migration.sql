-- The line filter's list of lines (findLines) and a line's name (findLineName): with calls in the millions, a
-- DISTINCT over the whole table took seconds. On this index Postgres jumps from one line to the next instead
-- (a handful of lines, a few index probes each), and finds a line's latest name from its newest calls.
CREATE INDEX "calls_line_number_last_event_at_idx" ON "calls"("line_number", "last_event_at" DESC);
