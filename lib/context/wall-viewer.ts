// Who is looking at the wall: a signed-in user (who sees what the board shows), or else a wallboard link (its secret in
// the screen's cookie), which sees the wall and nothing else, numbers masked unless the link says otherwise.
import * as session from "@/lib/auth/session";
import { ApiError } from "@/lib/http/api-error";
import { getClientAddress } from "@/lib/http/client-address";
import { readWallboardCookie } from "@/lib/wallboards/wallboard-secret";
import { recordWallboardUse, verifyWallboardToken, type WallboardIdentity } from "@/lib/wallboards/verify-wallboard";
import { appContext } from "./current";

export type WallViewer = { kind: "user"; userId: string } | WallboardIdentity;

/** The viewer, or null when the request has neither a session nor a wallboard cookie; a 403 for a refused link. */
export async function findWallViewer(headers: Headers): Promise<WallViewer | null> {
  const { auth, prisma } = appContext();
  const user = await session.getSessionUser(auth, headers);
  if (user) return { kind: "user", userId: user.id };
  const token = readWallboardCookie(headers.get("cookie"));
  if (token === null) return null;
  const wallboard = await verifyWallboardToken(token, prisma);
  await recordWallboardUse(wallboard, getClientAddress((name) => headers.get(name)), prisma);
  return wallboard;
}

/** The viewer, or a 401 (nobody) or 403 (a revoked, expired or unknown link). */
export async function requireWallViewer(headers: Headers): Promise<WallViewer> {
  const viewer = await findWallViewer(headers);
  if (!viewer) throw new ApiError("unauthorized", "Sign in, or open a wallboard link, to see the wall.");
  return viewer;
}

/** The line a viewer's wall shows: a link's own line wins over the URL's. */
export function wallLine(viewer: WallViewer, requested: string): string {
  return viewer.kind === "wallboard" && viewer.lineNumber ? viewer.lineNumber : requested;
}
