// npm run lint (second step) – no import cycles: none between files, and none between the folders of lib/, whose
// dependencies must form layers (lib/context on top composes the rest; lib/shared, lib/db and lib/observability sit at
// the bottom). madge builds the graph, type-only imports included, so a cycle of types counts too; the folder check
// is the same graph with each file replaced by its folder.
import { existsSync } from "node:fs";
import path from "node:path";
import madge from "madge";
import ts from "typescript";

// The repository, or another tree laid out like it (the check's own test runs it on a fixture).
const ROOT = path.resolve(process.env.CHECK_CYCLES_ROOT ?? path.join(import.meta.dirname, ".."));
const SOURCES = ["server.ts", "proxy.ts", "app", "components", "lib", "scripts"];
// The tree's own tsconfig.json, whose paths resolve its @/ imports (the fixture's own in the check's test). madge
// hands its options on without the folder its paths are relative to, and TypeScript then resolved them from the
// working directory: the tree's root goes with them as baseUrl.
const TS_CONFIG = [path.join(ROOT, "tsconfig.json"), path.join(import.meta.dirname, "..", "tsconfig.json")].find((file) => existsSync(file))!;
const { compilerOptions } = ts.readConfigFile(TS_CONFIG, (file) => ts.sys.readFile(file)).config as { compilerOptions: Record<string, unknown> };

/** The strongly connected components of more than one node (Tarjan): each is a set of folders that import each other. */
function findFolderCycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowLinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowLinks.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowLinks.set(node, Math.min(lowLinks.get(node)!, lowLinks.get(next)!));
      } else if (onStack.has(next)) {
        lowLinks.set(node, Math.min(lowLinks.get(node)!, indices.get(next)!));
      }
    }
    if (lowLinks.get(node) !== indices.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of edges.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

const libFolder = (file: string) => /^lib\/([^/]+)\//.exec(file)?.[0].slice(0, -1) ?? null;

const result = await madge(SOURCES.map((source) => path.join(ROOT, source)).filter((source) => existsSync(source)), {
  baseDir: ROOT,
  fileExtensions: ["ts", "tsx"],
  tsConfig: { compilerOptions: { ...compilerOptions, baseUrl: ROOT } },
  excludeRegExp: [/lib\/db\/generated\//, /\.test\.ts$/, /node_modules/],
  detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
});

// An @/ import that does not resolve drops out of the graph, and any cycle through it with it: refused, so a
// broken alias cannot make the check pass without checking.
const unresolved = [...new Set(result.warnings().skipped.filter((dependency) => dependency.startsWith("@/")))];
const fileCycles = result.circular();
const graph = result.obj();
const folderEdges = new Map<string, Set<string>>();
const witnesses = new Map<string, string>();
for (const [from, targets] of Object.entries(graph)) {
  const source = libFolder(from);
  if (!source) continue;
  for (const to of targets) {
    const target = libFolder(to);
    if (!target || target === source) continue;
    if (!folderEdges.has(source)) folderEdges.set(source, new Set());
    folderEdges.get(source)!.add(target);
    witnesses.set(`${source}>${target}`, `${from} → ${to}`);
  }
}
const folderCycles = findFolderCycles(folderEdges);

for (const dependency of unresolved) console.error(`Import not resolved (see tsconfig.json's paths): ${dependency}`);
for (const cycle of fileCycles) console.error(`Import cycle between files: ${[...cycle, cycle[0]].join(" → ")}`);
for (const cycle of folderCycles) {
  console.error(`Import cycle between lib/ folders: ${cycle.join(", ")}`);
  for (const from of cycle) {
    for (const to of cycle) {
      const witness = witnesses.get(`${from}>${to}`);
      if (witness) console.error(`  ${witness}`);
    }
  }
}
const checked = Object.keys(graph).length;
if (fileCycles.length > 0 || folderCycles.length > 0 || unresolved.length > 0) {
  console.error(`${fileCycles.length} file cycle(s), ${folderCycles.length} folder cycle(s), ${unresolved.length} unresolved @/ import(s) in ${checked} files.`);
  process.exit(1);
}
console.log(`No import cycles in ${checked} files (${folderEdges.size} lib/ folders with imports checked as layers).`);
