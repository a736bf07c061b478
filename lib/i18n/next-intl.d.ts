// Typed messages: a key that English lacks, or a wrong namespace, fails the typecheck wherever it is used.
import type { Locale } from "@/lib/shared/i18n/locales";
import type { Messages } from "./messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
