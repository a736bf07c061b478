// What a production install keeps (npm run build, then npm prune --omit=dev): every package the server, the
// production build and the command-line tools load at run time is installed without dev dependencies, and
// packages only the build uses are dev dependencies. (README, "For production"; checked by hand too: npm start,
// npm run user:create and npm run flireo on a pruned copy.)
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const packageJson = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lockfile = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };

/** `@scope/name/deep/path` → `@scope/name`; `node:fs` and relative paths → null. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:") || specifier.startsWith("@/")) return null;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? null);
}

/** The packages an entry point imports at run time, with Callboard's own modules followed (as `npm start` bundles them). */
async function packagesImportedBy(entryPoints: string[]): Promise<Set<string>> {
  const result = await build({
    entryPoints: entryPoints.map((entry) => path.join(ROOT, entry)),
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    write: false,
    metafile: true,
    outdir: path.join(ROOT, ".next", "import-check"),
    logLevel: "silent",
  });
  const packages = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imported of output.imports) {
      const name = imported.external ? packageOf(imported.path) : null;
      if (name) packages.add(name);
    }
  }
  return packages;
}

/** The node_modules packages Next's own trace of the production build lists (its *.nft.json files). */
function packagesTracedByNext(): Set<string> {
  const packages = new Set<string>();
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const file = path.join(folder, entry);
      if (statSync(file).isDirectory()) visit(file);
      else if (entry.endsWith(".nft.json")) {
        for (const traced of (JSON.parse(readFileSync(file, "utf8")) as { files: string[] }).files) {
          const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path.resolve(path.dirname(file), traced));
          // Next's own copies of externals are named `<package>-<hash>`: the package is the one before.
          if (match?.[1]) packages.add(match[1].replace(/-[0-9a-f]{16}$/, ""));
        }
      }
    }
  };
  visit(path.join(ROOT, ".next"));
  return packages;
}

async function runtimePackages(): Promise<Set<string>> {
  // npm start runs the server bundle; the tools run their TypeScript through tsx (package.json's scripts).
  const imported = await packagesImportedBy(["server.ts", "scripts/user-create.ts", "scripts/flireo.ts", "scripts/db-migrate.ts", "scripts/secrets-reencrypt.ts"]);
  return new Set([...imported, ...packagesTracedByNext(), "tsx"]);
}

/** Installed by `npm prune --omit=dev` / `npm ci --omit=dev`: the lockfile marks dev-only packages `dev`. */
const isInstalledInProduction = (name: string) => {
  const entry = lockfile.packages[`node_modules/${name}`];
  return entry !== undefined && entry.dev !== true;
};

describe("a production install without dev dependencies", () => {
  it("has every package that the server, the production build and the command-line tools load", async () => {
    const missing = [...(await runtimePackages())].filter((name) => !isInstalledInProduction(name));
    expect(missing).toEqual([]);
  });

  it("leaves out what only the build uses: the bundler, CSS tooling, the font", async () => {
    const runtime = await runtimePackages();
    const buildFiles = ["scripts/build-server.mjs", "next.config.ts", "postcss.config.mjs", "app/layout.tsx", "app/globals.css"];
    const referencedByBuild = new Set<string>();
    for (const file of buildFiles) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      for (const match of text.matchAll(/(?:from\s+|import\s+|@import\s+|node_modules\/)["']?((?:@[\w.-]+\/)?[\w.-]+)/g)) {
        const name = match[1] ? packageOf(match[1]) : null;
        if (name && (packageJson.dependencies[name] ?? packageJson.devDependencies[name])) referencedByBuild.add(name);
      }
    }
    const buildOnly = [...referencedByBuild].filter((name) => !runtime.has(name));
    expect(buildOnly.length).toBeGreaterThan(0);
    expect(buildOnly.filter((name) => name in packageJson.dependencies)).toEqual([]);
  });
});
