// Loads .env files (.env, .env.local, .env.production…) the way `next dev` / `next start` do. Imported first by
// server.ts and the scripts, before lib/env.ts reads the environment.
import nextEnv from "@next/env";

// Development's files only for `npm run dev` (NODE_ENV=development); unset is production (lib/env.ts).
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV === "development");
