-- The language a wallboard link's screen shows the wall in (en, nl), whatever its browser says (lib/i18n/request.ts).
-- NOT NULL, not "NULL: the browser's language": a TV's browser language is an accident of how the screen was set up
-- (kiosk browsers and TV sticks mostly ship en-US), which is why the admin sets it on the link; one value per link is
-- also what the list of links shows and what <html lang> says. 'en' for the links made before this column, which
-- were English when they were made; the settings page preselects the admin's own language for new ones.
ALTER TABLE "wallboards" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "wallboards" ADD CONSTRAINT "wallboards_locale_known" CHECK ("locale" IN ('en', 'nl'));
