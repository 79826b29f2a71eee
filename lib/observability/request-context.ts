import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { reqId: string };

const KEY = Symbol.for("postern.requestContext");
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };

/** One store per process, whatever the bundle (see metrics.ts). */
function storage(): AsyncLocalStorage<RequestContext> {
  holder[KEY] ??= new AsyncLocalStorage<RequestContext>();
  return holder[KEY];
}

/**
 * Marks the rest of this request's work (everything server.mjs's handler starts from here on)
 * as belonging to `context`, so that whatever logs during it is tagged with the request id
 * without each caller passing it. enterWith, not run: the observer is called before Next's
 * handler, not around it; each incoming request has its own async context, so this does not
 * leak into the next one.
 */
export function enterRequestContext(context: RequestContext): void {
  storage().enterWith(context);
}

/** The request being served, if any (timers and background jobs have none). */
export function currentRequest(): RequestContext | undefined {
  return storage().getStore();
}

/** For tests and code that does own the call: runs `fn` as part of `context`. */
export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage().run(context, fn);
}
