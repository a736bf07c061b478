// npm run user:create -- --email a@b.c --password '…' [--name 'Ann'] [--role admin|viewer]
// Creates a user in the configured database (DATABASE_URL, else the embedded Postgres), e.g. the first admin.
import "@/lib/env-files";
import { parseArgs } from "node:util";
import { getAuth } from "@/lib/auth/auth";
import { describeAuthError, newUserSchema } from "@/lib/auth/create-user";
import { connectDatabase, disconnectDatabase } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { env } from "@/lib/env";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "viewer" } },
  });
  const parsed = newUserSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`user:create: ${parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
    console.error("Usage: npm run user:create -- --email a@b.c --password '<at least 10 characters>' [--name Ann] [--role admin|viewer]");
    return 2;
  }
  const embedded = env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: env.EMBEDDED_POSTGRES_DIR, port: env.EMBEDDED_POSTGRES_PORT, database: "callboard" });
  const url = env.DATABASE_URL ?? embedded!.url;
  try {
    await migrateDatabase(url);
    connectDatabase(url);
    const { email, name, password, role } = parsed.data;
    const { user } = await getAuth().api.createUser({ body: { email, name: name || email, password, role } });
    console.log(`Created ${user.email} (${role}).`);
    return 0;
  } catch (error) {
    console.error(`user:create: ${describeAuthError(error)}`);
    return 1;
  } finally {
    await disconnectDatabase();
    await embedded?.stop();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
