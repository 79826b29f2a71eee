import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { getLogger } from "./logger";
import { getMetrics } from "./metrics";
import { enterRequestContext } from "./request-context";
import { chooseRequestId } from "./request-id";
import { methodLabel, routeMatcher, UNMATCHED_ROUTE, type RouteMatcher } from "./route-label";

/** Set on every request before Next sees it, so a client's own value never counts (metrics-access.ts). */
export const RELAYED_HEADER = "x-postern-relayed";

export type RequestObserver = (req: IncomingMessage, res: ServerResponse) => void;

/** Routes probed every few seconds by load balancers and Prometheus: logged at debug only. */
const QUIET_ROUTES = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * Times one request from its arrival at server.mjs to the end of its response (pages, API
 * routes, server actions and static files alike), then records it: the latency histogram by
 * route pattern, and one JSON log line. The line is built from an allow-list of fields — id,
 * method, route pattern, status, duration — never the URL (a read link's token is in its path),
 * headers, cookies or body. The id comes from a trusted proxy or is made here; it is passed to
 * the app (X-Request-Id, so errors logged there carry it) and echoed in the response.
 */
export function makeRequestObserver(opts: { trustProxy: number; matchRoute: RouteMatcher }): RequestObserver {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const id = chooseRequestId(req.headers["x-request-id"], opts.trustProxy);
    req.headers["x-request-id"] = id;
    // Whether a proxy relayed it, as it arrived (Next adds X-Forwarded-For to every request later).
    req.headers[RELAYED_HEADER] = req.headers["x-forwarded-for"] || req.headers["x-real-ip"] ? "1" : "0";
    res.setHeader("X-Request-Id", id);
    enterRequestContext({ reqId: id });
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = opts.matchRoute(pathOf(req.url));
      const method = methodLabel(req.method);
      // A response cut short (client gone, stream aborted) says so rather than claim its status.
      const status = res.writableFinished ? res.statusCode : 499;
      getMetrics().httpDuration.observe({ method, route, status: String(status) }, seconds);
      const line = { reqId: id, method, route, status, ms: Math.round(seconds * 1000) };
      const log = getLogger();
      if (QUIET_ROUTES.has(route)) log.debug(line, "request");
      else if (status >= 500) log.error(line, "request");
      else log.info(line, "request");
    });
  };
}

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? "/", "http://x").pathname;
  } catch {
    return "/";
  }
}

/** The route patterns of the build in `distDir` (a development server's list is partial: unknown
 * paths count as "unmatched"). */
export function loadRouteMatcher(distDir = path.join(process.cwd(), ".next")): RouteMatcher {
  try {
    return routeMatcher(JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")));
  } catch {
    return () => UNMATCHED_ROUTE;
  }
}

/** Where server.mjs finds the observer (a global: server.mjs is not part of Next's bundle). */
export const REQUEST_OBSERVER_KEY = Symbol.for("postern.observeRequest");

/** Hands server.mjs the observer; called once at start-up (instrumentation.ts). */
export function installRequestObserver(trustProxy: number): void {
  (globalThis as Record<symbol, unknown>)[REQUEST_OBSERVER_KEY] = makeRequestObserver({ trustProxy, matchRoute: loadRouteMatcher() });
}
