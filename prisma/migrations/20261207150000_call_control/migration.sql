-- Acting on live calls: every command a person (or the command line) sent to Flireo's call control, with Flireo's
-- answer, kept as the audit trail; and the transfer destinations admins keep. Roles need no change: `role` is text,
-- and existing users keep theirs (`supervisor` is a new value between viewer and admin).
CREATE TABLE "call_commands" (
    "id" BIGSERIAL NOT NULL,
    "call_id" TEXT NOT NULL,
    "user_id" TEXT,
    "actor" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "flireo_status" SMALLINT,
    "answer" TEXT,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "call_commands_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "call_commands_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "call_commands_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE INDEX "call_commands_call_id_requested_at_idx" ON "call_commands"("call_id", "requested_at");
CREATE INDEX "call_commands_requested_at_idx" ON "call_commands"("requested_at" DESC);
CREATE INDEX "call_commands_user_id_requested_at_idx" ON "call_commands"("user_id", "requested_at" DESC);

CREATE TABLE "transfer_destinations" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transfer_destinations_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "transfer_destinations_destination_key" ON "transfer_destinations"("destination");
