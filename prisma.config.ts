import { defineConfig } from "prisma/config";

// Prisma's `env()` throws when the variable is unset, even for `prisma generate`, which needs no database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/callboard" },
});
