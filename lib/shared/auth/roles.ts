// The two roles. Client-safe: the board shows the role; only the server decides with it.
export const ROLES = ["admin", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Anything stored that is not exactly `admin` counts as the lesser role. */
export function toRole(value: unknown): Role {
  return value === "admin" ? "admin" : "viewer";
}
