-- Socket.IO's Postgres adapter keeps broadcasts too large for NOTIFY here. Created by a migration, not by
-- each server at start-up, so that two instances starting at once cannot race on it.
CREATE TABLE "socket_io_attachments" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ DEFAULT now(),
    "payload" BYTEA
);

CREATE UNIQUE INDEX "socket_io_attachments_id_key" ON "socket_io_attachments"("id");
