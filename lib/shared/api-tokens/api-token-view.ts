// An API token as admins see it in the list (never its secret or hash). Safe to import from client components.

export const API_TOKEN_SCOPES = ["read"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export type ApiTokenState = "active" | "expired" | "revoked";

export type ApiTokenView = {
  id: string;
  name: string;
  /** The token's first characters, e.g. `cb_live_ab12cd`. */
  prefix: string;
  scope: ApiTokenScope;
  /** Null when the admin who made it has since been removed. */
  createdBy: { id: string; email: string } | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: { id: string; email: string } | null;
  state: ApiTokenState;
};

/** A token just made: the only time its secret is shown. */
export type CreatedApiToken = { token: ApiTokenView; secret: string };

/** Expiry choices on the tokens page, in days (null: never). */
export const API_TOKEN_EXPIRY_DAYS = [null, 7, 30, 90, 365] as const;
