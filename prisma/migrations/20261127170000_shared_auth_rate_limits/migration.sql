-- Sign-in and other /api/auth rate limits, shared by every instance (Better Auth's database storage).

CREATE TABLE "rate_limits" (
    "id" TEXT NOT NULL,
    -- The client address and the path, as Better Auth forms it.
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    -- Milliseconds since the epoch.
    "last_request" BIGINT NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "rate_limits_key_key" ON "rate_limits"("key");
