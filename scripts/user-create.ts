// npm run user:create -- --email a@b.c --password '…' [--name 'Ann'] [--role admin|supervisor|viewer]
// Creates a user in the configured database (DATABASE_URL, else the embedded Postgres, the running server's or one
// started for the command), e.g. the first admin.
import "@/lib/env-files";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createAuth } from "@/lib/auth/auth";
import { describeAuthError, newUserSchema } from "@/lib/auth/create-user";
import { openScriptDatabase } from "@/lib/db/open-script-database";
import { env } from "@/lib/env";
import { createSecretBoxFromEnv } from "@/lib/secrets/secret-box";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "viewer" } },
  });
  const parsed = newUserSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`user:create: ${parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
    console.error("Usage: npm run user:create -- --email a@b.c --password '<at least 10 characters>' [--name Ann] [--role admin|supervisor|viewer]");
    return 2;
  }
  // It stores no secret itself, but migrates the database as the server does, encrypting what an upgrade left plain.
  const database = await openScriptDatabase(createSecretBoxFromEnv(env));
  try {
    const { email, name, password, role } = parsed.data;
    // Creating a user signs nothing (sessions are the server's), so this works before AUTH_SECRET is set; and a new
    // user has no sessions to end.
    const auth = createAuth({ prisma: database.prisma, env, onSessionDeleted: () => {}, secret: env.AUTH_SECRET ?? randomBytes(32).toString("hex") });
    const { user } = await auth.api.createUser({ body: { email, name: name || email, password, role } });
    console.log(`Created ${user.email} (${role}).`);
    return 0;
  } catch (error) {
    console.error(`user:create: ${describeAuthError(error)}`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(`user:create: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
