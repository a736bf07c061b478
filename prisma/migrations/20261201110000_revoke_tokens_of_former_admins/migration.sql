-- Read-API tokens do not outlive their maker's admin rights: removing an admin, or making them a viewer, revokes
-- the tokens they made, whichever way the change comes (the users page, Better Auth's endpoints, a script). The
-- users page names who did it (revoked_by_id); here it stays empty. Fires after users_keep_an_admin (triggers run
-- in name order), so a refused change revokes nothing.
CREATE FUNCTION "callboard_revoke_tokens_of_former_admin"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.role = 'admin' AND (TG_OP = 'DELETE' OR NEW.role IS DISTINCT FROM 'admin') THEN
    UPDATE "api_tokens" SET "revoked_at" = now() WHERE "created_by_id" = OLD.id AND "revoked_at" IS NULL;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "users_revoke_tokens_of_former_admin"
  BEFORE UPDATE OF "role" OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "callboard_revoke_tokens_of_former_admin"();
