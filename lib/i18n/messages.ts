// Every user-facing word Callboard says, per language: lib/i18n/messages/<language>/<namespace>.json. English is
// the reference: its shape is the type every other language must match (typecheck), and lib/i18n/messages.test.ts
// checks that no key is missing, extra or unused in either language.
import type { Locale } from "@/lib/shared/i18n/locales";
import en from "./messages/en";
import nl from "./messages/nl";

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, nl };
