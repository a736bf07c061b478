-- The language each alert destination's messages are written in (e-mail, Slack, the webhook's human-readable text).
-- Destinations made before there was a choice keep receiving English.
ALTER TABLE "alert_destinations" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "alert_destinations" ADD CONSTRAINT "alert_destinations_locale_known" CHECK ("locale" IN ('en', 'nl'));
