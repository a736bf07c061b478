// The browser/server boundary of eslint.config.mjs, checked on code that breaks it and code that keeps it.
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
