// Who is asking, for entry points (pages, route handlers, server actions, proxy.ts): lib/auth/session.ts bound to
// this process's Better Auth.
import * as session from "@/lib/auth/session";
import { appContext } from "./current";

export type { SessionUser } from "@/lib/auth/session";

/** The signed-in user, or null for no cookie, an expired or revoked session, or a banned user. */
export const getSessionUser = (headers: Headers) => session.getSessionUser(appContext().auth, headers);

/** The signed-in user, or a 401. */
export const requireUser = (headers: Headers) => session.requireUser(appContext().auth, headers);

/** The signed-in supervisor or admin, or a 401 or 403. */
export const requireCallController = (headers: Headers) => session.requireCallController(appContext().auth, headers);

/** The signed-in admin, or a 401 or 403. */
export const requireAdmin = (headers: Headers) => session.requireAdmin(appContext().auth, headers);
