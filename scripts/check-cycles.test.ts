// The import-cycle check (npm run lint) on small trees: it passes layered code and fails on file and folder cycles,
// through relative and @/ imports alike.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const SCRIPT = path.resolve(import.meta.dirname, "check-cycles.ts");
const trees: string[] = [];

afterEach(() => {
  for (const tree of trees.splice(0)) rmSync(tree, { recursive: true, force: true });
});

function checkTree(files: Record<string, string>): { status: number | null; output: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), "callboard-cycles-"));
  trees.push(root);
  for (const [file, code] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), code);
  }
  // Run from inside the tree, so that nothing resolves against this repository's files by accident.
  const result = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), SCRIPT], { cwd: root, env: { ...process.env, CHECK_CYCLES_ROOT: root }, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the import-cycle check", () => {
  it("passes code whose lib/ folders form layers", () => {
    const result = checkTree({
      "lib/calls/record.ts": 'import { format } from "../shared/format";\nexport const record = () => format();\n',
      "lib/shared/format.ts": "export const format = () => 1;\n",
      "lib/webhooks/intake.ts": 'import { record } from "../calls/record";\nexport const intake = () => record();\n',
    });
    expect(result.output).toContain("No import cycles");
    expect(result.status).toBe(0);
  });

  it("fails a cycle between two files, naming them", () => {
    const result = checkTree({
      "lib/auth/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
      "lib/auth/b.ts": 'import type { a } from "./a";\nexport const b = 1;\nexport type A = typeof a;\n',
    });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/Import cycle between files: lib\/auth\/(a|b)\.ts/);
  });

  it("follows @/ imports through the tree's tsconfig paths, as the real tree writes them", () => {
    const result = checkTree({
      "tsconfig.json": JSON.stringify({ compilerOptions: { moduleResolution: "bundler", paths: { "@/*": ["./*"] } } }),
      "lib/alerts/rules.ts": 'import { notify } from "@/lib/alerts/notify";\nexport const rules = () => notify;\n',
      "lib/alerts/notify.ts": 'import { rules } from "@/lib/alerts/rules";\nexport const notify = () => rules;\n',
      "lib/jobs/run.ts": 'import { OUTCOME } from "@/lib/queues/contract";\nexport const run = () => OUTCOME;\n',
      "lib/queues/contract.ts": 'export const OUTCOME = "done";\n',
      "lib/queues/worker.ts": 'import { run } from "@/lib/jobs/run";\nexport const worker = () => run();\n',
    });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/Import cycle between files: lib\/alerts\/(rules|notify)\.ts/);
    expect(result.output).toContain("Import cycle between lib/ folders: lib/jobs, lib/queues");
  });

  it("fails an @/ import it cannot resolve, rather than pass without checking it", () => {
    const result = checkTree({
      "tsconfig.json": JSON.stringify({ compilerOptions: { moduleResolution: "bundler", paths: { "@/*": ["./src/*"] } } }),
      "lib/alerts/rules.ts": 'import { notify } from "@/lib/alerts/notify";\nexport const rules = () => notify;\n',
      "lib/alerts/notify.ts": 'import { rules } from "@/lib/alerts/rules";\nexport const notify = () => rules;\n',
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain("Import not resolved (see tsconfig.json's paths): @/lib/alerts/");
  });

  it("fails a cycle between lib/ folders made of files that do not import each other", () => {
    const result = checkTree({
      "lib/calls/record.ts": 'import { OUTCOME } from "../webhooks/contract";\nexport const record = () => OUTCOME;\n',
      "lib/webhooks/contract.ts": 'export const OUTCOME = "stored";\n',
      "lib/webhooks/intake.ts": 'import { record } from "../calls/record";\nexport const intake = () => record();\n',
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain("Import cycle between lib/ folders: lib/calls, lib/webhooks");
  });
});
