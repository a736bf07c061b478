// The browser's side of Better Auth: sign in and sign out through /api/auth (same origin, cookies httpOnly).
import { createAuthClient } from "better-auth/client";

export const authClient = createAuthClient();
