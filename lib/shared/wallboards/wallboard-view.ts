// A wallboard link as admins see it in the list (never its secret or hash), and what the wall's socket may be told.
// Safe to import from client components.
import type { Locale } from "@/lib/shared/i18n/locales";

export type WallboardState = "active" | "expired" | "revoked";

export type WallboardView = {
  id: string;
  name: string;
  /** The secret's first characters, e.g. `cb_wall_ab12cd`. */
  prefix: string;
  /** The one line the screen shows (E.164), or null for every line. */
  lineNumber: string | null;
  /** False when the admin chose to show customers' full numbers on this link. */
  isMasked: boolean;
  /** The language the screen shows the wall in, whatever its browser says. */
  locale: Locale;
  createdBy: { id: string; email: string } | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  /** The client address the link was last used from. */
  lastUsedAddress: string | null;
  revokedAt: string | null;
  state: WallboardState;
};

/** A link just made: the only time its secret (in `url`) is shown. */
export type CreatedWallboard = { id: string; url: string; wallboard: WallboardView };

/** Expiry choices on the wallboards page, in days (null: never). */
export const WALLBOARD_EXPIRY_DAYS = [null, 1, 7, 30, 90, 365] as const;

/** The query parameter that carries a link's secret the first time a screen opens it. */
export const WALLBOARD_TOKEN_PARAM = "wallboard";
