-- Flireo's REST id of a call, remembered once the call is matched to one of Flireo's (by id, or by numbers and start
-- time: whether the REST id equals the webhook's call id is not documented). A plain unique index: Postgres lets any
-- number of rows hold NULL, so it is unique only where set, and one Flireo call never becomes two calls here.
ALTER TABLE "calls" ADD COLUMN "flireo_call_id" TEXT;

CREATE UNIQUE INDEX "calls_flireo_call_id_key" ON "calls"("flireo_call_id");
