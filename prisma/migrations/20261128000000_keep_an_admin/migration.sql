-- Callboard always keeps an admin: the users page refuses to demote or remove the last one, and so does the
-- database, whichever way the change comes (Better Auth's admin endpoints, two admins demoting each other at the
-- same moment, a script). With users but no admin nobody could manage Callboard, and /setup would open again.
CREATE FUNCTION "callboard_keep_an_admin"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.role = 'admin' AND (TG_OP = 'DELETE' OR NEW.role IS DISTINCT FROM 'admin') THEN
    -- One such change at a time; each then sees what the one before it committed.
    PERFORM pg_advisory_xact_lock(72707371);
    IF NOT EXISTS (SELECT 1 FROM "users" WHERE "role" = 'admin' AND "id" <> OLD.id)
       -- Removing the only user of all is allowed: that is a fresh install again.
       AND (TG_OP = 'UPDATE' OR EXISTS (SELECT 1 FROM "users" WHERE "id" <> OLD.id)) THEN
      RAISE EXCEPTION 'Callboard keeps at least one admin: make another user an admin first.'
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "users_keep_an_admin"
  BEFORE UPDATE OF "role" OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "callboard_keep_an_admin"();
