// Better Auth, configured once: email + password, no public sign-up, roles from its admin plugin, Postgres via Prisma.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { admin } from "better-auth/plugins/admin";
import { adminAc, defaultAc } from "better-auth/plugins/admin/access";
import type { PrismaClient } from "@/lib/db/generated/client";
import { resolveAuthSecret, type Env } from "@/lib/env";
import { trustedOriginsFor } from "./same-origin";

// Viewers and supervisors may do nothing through the admin plugin's endpoints; admins may manage users and sessions.
// (A supervisor's one extra right, acting on live calls, is Callboard's own: lib/call-control.)
const roles = { admin: adminAc, supervisor: defaultAc.newRole({ user: [], session: [] }), viewer: defaultAc.newRole({ user: [], session: [] }) };

type AuthOptions = {
  prisma: PrismaClient;
  env: Env;
  /** Told when a session ends (sign-out, revocation, user removal), to end its open boards' live connections. */
  onSessionDeleted: (sessionId: string) => void;
  /** Signs sessions; AUTH_SECRET unless given (a command that only creates users signs nothing). */
  secret?: string;
};

/** Better Auth for Callboard: one per process, made by the application context. */
export function createAuth({ prisma, env, onSessionDeleted, secret }: AuthOptions) {
  const baseURL = env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`;
  return betterAuth({
    appName: "Callboard",
    baseURL,
    secret: secret ?? resolveAuthSecret(env),
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    // The origin the browser used (any host name Callboard is reached by) plus PUBLIC_BASE_URL. A cross-site page
    // cannot make a browser send this host's own origin, so this still refuses cross-site requests.
    trustedOrigins: (request) => trustedOriginsFor(request?.headers),
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    databaseHooks: {
      session: {
        // A new session is a sign-in: kept on the user, as the session itself goes at sign-out or expiry.
        create: { after: async (session) => void (await prisma.user.updateMany({ where: { id: session.userId }, data: { lastSignInAt: session.createdAt } })) },
        // Sign-out, revocation and user removal delete sessions; their open boards' live connections end with them.
        delete: { after: (session) => Promise.resolve(onSessionDeleted(session.id)) },
      },
    },
    rateLimit: {
      // On in every environment (Better Auth's default is production only): password guessing is the threat.
      enabled: true,
      // In the database, so that several instances behind a load balancer count against one limit (in memory, each
      // would allow the full count). Only requests to /api/auth pay for it: a read, then a conditional update in a
      // short transaction, refused requests included, about what an anonymous page request's session lookup costs.
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: env.LOGIN_ATTEMPTS_PER_MINUTE } },
    },
    advanced: {
      // Secure cookies whenever Callboard is served over https. SameSite=Lax and httpOnly are Better Auth's defaults.
      useSecureCookies: baseURL.startsWith("https://"),
      cookiePrefix: "callboard",
      // server.ts replaces X-Forwarded-For with the one trustworthy client address (lib/http/client-address.ts).
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    telemetry: { enabled: false },
    plugins: [admin({ roles, adminRoles: ["admin"], defaultRole: "viewer" })],
  });
}

export type Auth = ReturnType<typeof createAuth>;
