// The application context of this process, for Next's bundles: route handlers, pages, server actions and proxy.ts.
//
// The one module of runtime code that touches globalThis, and why: server.ts and Next's bundles load separate
// copies of every module (each bundle has its own module registry), so a module-level variable set by server.ts is
// not seen by a route handler. globalThis is the one object they all share. server.ts provides the context once,
// before the first request; everything else reaches it through appContext().
import type { AppContext } from "./app-context";

const CONTEXT_KEY = Symbol.for("callboard.appContext");
type Holder = { [CONTEXT_KEY]?: AppContext };

export function provideAppContext(context: AppContext): void {
  (globalThis as Holder)[CONTEXT_KEY] = context;
}

export function appContext(): AppContext {
  const context = (globalThis as Holder)[CONTEXT_KEY];
  if (!context) throw new Error("Callboard's application context is not set up: start Callboard with `npm run dev` or `npm start` (server.ts).");
  return context;
}
