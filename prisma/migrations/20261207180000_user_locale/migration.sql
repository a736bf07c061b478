-- The language each user chose in the header's switch: set again in the browser's cookie at every sign-in, so the
-- choice follows the person to another browser. NULL until chosen (the browser's Accept-Language decides).
ALTER TABLE "users" ADD COLUMN "locale" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_locale_known" CHECK ("locale" IN ('en', 'nl'));
