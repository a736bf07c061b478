-- Rounds of checking the board against Flireo's REST API (lib/reconcile): what each found and did, in words when it
-- failed. The webhooks page shows the last ones; the next round starts from the last complete round's end; two
-- rounds in a row whose live counts disagree put the drift notice on the board.
CREATE TABLE "flireo_reconcile_rounds" (
    "id" BIGSERIAL NOT NULL,
    "trigger" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,
    "complete" BOOLEAN NOT NULL,
    -- Where the listing of since..until stopped when the round could not finish it: the next round goes on there.
    "next_offset" INTEGER,
    "listed" INTEGER NOT NULL DEFAULT 0,
    "backfilled" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "confirmed" INTEGER NOT NULL DEFAULT 0,
    "unresolved" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "flireo_active" INTEGER,
    "board_live" INTEGER,
    "error" TEXT,

    CONSTRAINT "flireo_reconcile_rounds_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "flireo_reconcile_rounds_finished_at_idx" ON "flireo_reconcile_rounds"("finished_at" DESC);

-- Matching one of Flireo's calls to one here by numbers and start time looks calls up by start time.
CREATE INDEX "calls_started_at_idx" ON "calls"("started_at");
