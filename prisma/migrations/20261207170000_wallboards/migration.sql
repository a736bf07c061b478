-- Wallboard links (lib/wallboards): a TV opens /wall with a secret in its URL instead of signing in.

CREATE TABLE "wallboards" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    -- Lowercase hex SHA-256 of the whole secret; the secret itself is shown once and never stored.
    "token_hash" TEXT NOT NULL,
    -- The secret's first characters (e.g. cb_wall_ab12cd), so a person can tell links apart.
    "prefix" TEXT NOT NULL,
    -- The one line the screen shows (E.164), or null for every line.
    "line_number" TEXT,
    -- Customers' numbers are masked to their last four digits unless an admin made the link without masking.
    "is_masked" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    -- Written at most about once a minute per link, with the address it was used from.
    "last_used_at" TIMESTAMPTZ(3),
    "last_used_address" TEXT,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" TEXT,

    CONSTRAINT "wallboards_pkey" PRIMARY KEY ("id")
);

-- Every page load, API request and socket handshake of a screen looks its link up by hash.
CREATE UNIQUE INDEX "wallboards_token_hash_key" ON "wallboards"("token_hash");
CREATE INDEX "wallboards_created_at_idx" ON "wallboards"("created_at" DESC);

ALTER TABLE "wallboards" ADD CONSTRAINT "wallboards_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "wallboards" ADD CONSTRAINT "wallboards_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
