-- When each user last signed in, kept on the user: the users page read it from their latest session, which sign-out
-- and expiry delete, so it vanished. Filled from the sessions still held.
ALTER TABLE "users" ADD COLUMN "last_sign_in_at" TIMESTAMPTZ(3);

UPDATE "users" SET "last_sign_in_at" = latest."created_at"
FROM (SELECT "user_id", max("created_at") AS "created_at" FROM "sessions" GROUP BY "user_id") AS latest
WHERE latest."user_id" = "users"."id";
