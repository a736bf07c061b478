-- A destination's short name for lists and the delivery log, kept beside it: its URL is now stored encrypted
-- (lib/secrets), and the alert worker names destinations without decrypting them. Only the host of a URL: a webhook
-- URL's path can hold a token, and a Slack URL's path is the secret itself. Existing rows get theirs here; the URLs
-- themselves are encrypted at start-up, after this migration (lib/secrets/seal-stored-secrets.ts).
ALTER TABLE "alert_destinations" ADD COLUMN "label" TEXT;

UPDATE "alert_destinations" SET "label" = CASE
    WHEN "kind" = 'email' THEN left(array_to_string("email_to", ', '), 200)
    WHEN "url" IS NULL THEN "kind"
    ELSE lower(coalesce(substring("url" FROM '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?([^/?#]+)'), "kind"))
        || CASE WHEN "kind" = 'webhook' AND "url" ~ '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*[/?#][^#]' THEN '/…' ELSE '' END
END;
