// The one Prisma client of the process. server.ts creates it once the database is known (a configured server or
// the embedded one); route handlers, which Next bundles as a separate copy of this module, find it on globalThis.
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";

const PRISMA_KEY = Symbol.for("callboard.prisma");
type PrismaHolder = { [PRISMA_KEY]?: PrismaClient };
const holder = globalThis as PrismaHolder;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: 20,
    connectionTimeoutMillis: 5_000,
    // Fail a statement rather than hang a webhook request when Postgres stalls.
    statement_timeout: 15_000,
  });
  return new PrismaClient({ adapter });
}

/** Called once at start-up by server.ts (and by scripts and tests that own the process). */
export function connectDatabase(databaseUrl: string): PrismaClient {
  holder[PRISMA_KEY] ??= createPrismaClient(databaseUrl);
  return holder[PRISMA_KEY];
}

export function getPrisma(): PrismaClient {
  const existing = holder[PRISMA_KEY];
  if (existing) return existing;
  if (!env.DATABASE_URL) {
    throw new Error("No database: start Callboard with `npm run dev` or `npm start` (server.ts), or set DATABASE_URL.");
  }
  return connectDatabase(env.DATABASE_URL);
}

export async function disconnectDatabase(): Promise<void> {
  const existing = holder[PRISMA_KEY];
  delete holder[PRISMA_KEY];
  await existing?.$disconnect();
}
