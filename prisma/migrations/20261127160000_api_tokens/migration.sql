-- The read API (/api/v1): tokens that admins create and revoke, and the index its call list pages through.

CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    -- Lowercase hex SHA-256 of the whole token; the token itself is shown once and never stored.
    "token_hash" TEXT NOT NULL,
    -- The token's first characters (e.g. cb_live_ab12cd), so a person can tell tokens apart.
    "prefix" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'read',
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" TEXT,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_tokens_scope_check" CHECK ("scope" IN ('read'))
);

-- Every request looks its token up by hash.
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");
CREATE INDEX "api_tokens_created_at_idx" ON "api_tokens"("created_at" DESC);

-- A token outlives the admin who made it (it belongs to an integration, not a person); only the link goes.
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- GET /api/v1/calls pages newest first by (created_at, id): created_at is set once, when the call's first event is
-- stored, and never changes, unlike started_at and first_event_at, which a late, earlier-dated event moves.
CREATE INDEX "calls_created_at_id_idx" ON "calls"("created_at" DESC, "id" DESC);
