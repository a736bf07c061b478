// Loads .env files (.env, .env.local, .env.production…) the way `next dev` / `next start` do. Imported first by
// server.ts and the scripts, before lib/env.ts reads the environment.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
