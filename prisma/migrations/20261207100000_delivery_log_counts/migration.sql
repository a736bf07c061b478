-- A delivery-log row may stand for several refused webhooks: under a flood, the refusals past the first few of each
-- window are written as one row with their count, so a flood does not flood the log.
ALTER TABLE "webhook_deliveries" ADD COLUMN "count" INTEGER NOT NULL DEFAULT 1;
