-- Rate limits shared by every instance (lib/http/shared-rate-limit.ts): a count per key and one-minute window.
CREATE TABLE "shared_rate_limits" (
    "key" TEXT NOT NULL,
    "window_start" BIGINT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "shared_rate_limits_pkey" PRIMARY KEY ("key", "window_start")
);
