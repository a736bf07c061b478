// Reads a V8 CPU profile (`node --cpu-prof`) of Callboard's production server and says where its time went:
// Callboard's own code (found through the bundles' source maps), Next.js, the web-platform layers Next builds a
// route handler's Request and Response on, Node's HTTP and sockets, the pg driver, garbage collection.
// Written here because profilers show functions, not owners: "how much of a webhook is ours" needs both the call
// stack and the source maps of Turbopack's chunks, and no tool in reach reads them together.
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

/** Sources that are Callboard's own, as a source map names them (relative to the bundle) or as a file path. */
const OWN_SOURCE = /^(?:\.\.\/)*(?:lib|app|components)\/[^/]|^(?:\.\.\/)*(?:server|proxy)\.ts$/;
/** Next.js's own code: its dist files, and what its sources are called in the maps of the bundles it generates. */
const NEXT_SOURCE = /node_modules\/next\/|^webpack:\/\/next\//;

/** The owner of a frame that is not Callboard's, from its (mapped) source and function name. */
function frameGroup(source: string, functionName: string): string {
  if (functionName === "(garbage collector)") return "V8 garbage collection";
  if (functionName === "(program)") return "V8 and native code (program)";
  if (/internal\/webstreams\//.test(source)) return "Web streams (Request and Response bodies)";
  if (/undici/.test(source)) return "undici (Request, Response, Headers)";
  if (/async_hooks|async_local_storage/.test(source) || /^promise(Init|Before|After|Resolve)Hook$/.test(functionName)) {
    return "async context (promise hooks for AsyncLocalStorage)";
  }
  if (NEXT_SOURCE.test(source)) return "Next.js";
  if (/node_modules\/(pg|pg-pool|pg-protocol|pg-types|postgres-[a-z]+)\//.test(source)) return "pg driver";
  if (/node:(_http|net|stream|internal\/(http|net|stream|streams))|stream_base_commons|_http_/.test(source)) return "Node HTTP, streams and sockets";
  if (!source && /^(writev|writeUtf8String|writeBuffer|writeLatin1String|onStreamRead)$/.test(functionName)) return "Node HTTP, streams and sockets";
  if (!source && functionName === "runMicrotasks") return "microtask queue";
  const packageName = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];
  if (packageName) return packageName;
  if (source.startsWith("node:") || source.includes("internal/")) return "Node (other)";
  return "native (other)";
}

/**
 * Where a frame's code comes from: its file, and for Callboard's bundles (.next/) the source the bundle's map
 * names. Other files keep their own path, so a dependency's frames are never mistaken for Callboard's.
 */
function createSourceLocator() {
  const maps = new Map<string, SourceMap | null>();
  return (frame: CallFrame): { source: string; isBundled: boolean } => {
    if (!frame.url.startsWith("file://")) return { source: frame.url, isBundled: false };
    const file = fileURLToPath(frame.url);
    if (!/\/\.next\//.test(file) || file.includes("/node_modules/")) return { source: file, isBundled: false };
    if (!maps.has(file)) {
      try {
        maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8"))));
      } catch {
        maps.set(file, null);
      }
    }
    const entry = maps.get(file)?.findEntry(frame.lineNumber, frame.columnNumber);
    // A position the map does not cover comes back as an entry without a source.
    const source = entry && "originalSource" in entry ? (entry.originalSource as string | undefined) : undefined;
    return { source: source ?? file, isBundled: true };
  };
}

export type ProfileBreakdown = {
  /** CPU time on the main thread within the window, idle excluded, in µs. */
  busyMicros: number;
  /** µs per group: "Callboard: <source>" for own code (with the libraries it calls synchronously), else frameGroup(). */
  byGroup: Map<string, number>;
};

/**
 * Attributes every sample between `fromMicros` and `toMicros` (V8's monotonic clock, the same as
 * process.hrtime's on Linux) to the innermost Callboard frame on its stack, or else to the owner of its leaf frame.
 */
export function breakDownProfile(profile: CpuProfile, fromMicros: number, toMicros: number): ProfileBreakdown {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const locate = createSourceLocator();
  const groupOf = new Map<number, string | null>();

  const group = (nodeId: number): string | null => {
    const known = groupOf.get(nodeId);
    if (known !== undefined) return known;
    const leaf = nodes.get(nodeId)!.callFrame;
    let result: string | null = null;
    if (leaf.functionName === "(idle)") result = null;
    else {
      // The innermost frame that is Callboard's or Next's decides: a library called from our code is ours,
      // the same library called by Next (building the Request, say) is Next's, even under server.ts's handler.
      for (let id: number | undefined = nodeId; id !== undefined; id = parents.get(id)) {
        const { source, isBundled } = locate(nodes.get(id)!.callFrame);
        if (NEXT_SOURCE.test(source)) break;
        if (isBundled && OWN_SOURCE.test(source)) {
          result = `Callboard: ${source.replace(/^(\.\.\/)+/, "")}`;
          break;
        }
      }
      result ??= frameGroup(locate(leaf).source, leaf.functionName);
    }
    groupOf.set(nodeId, result);
    return result;
  };

  const byGroup = new Map<string, number>();
  let busyMicros = 0;
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index++) {
    time += profile.timeDeltas[index] ?? 0;
    if (time < fromMicros || time > toMicros) continue;
    // A sample stands for the time until the next one.
    const micros = profile.timeDeltas[index + 1] ?? 0;
    const owner = group(profile.samples[index]!);
    if (owner === null) continue;
    busyMicros += micros;
    byGroup.set(owner, (byGroup.get(owner) ?? 0) + micros);
  }
  return { busyMicros, byGroup };
}
