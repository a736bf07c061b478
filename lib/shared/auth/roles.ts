// The three roles, lesser to greater. Client-safe: the board shows the role and offers what it allows; only the
// server decides with it.
export const ROLES = ["admin", "supervisor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Anything stored that is not exactly a known role counts as the least one. */
export function toRole(value: unknown): Role {
  return value === "admin" || value === "supervisor" ? value : "viewer";
}

/** Supervisors and admins may act on live calls (end, say, transfer, brief the agent); viewers only watch. */
export function canControlCalls(role: Role): boolean {
  return role === "admin" || role === "supervisor";
}
