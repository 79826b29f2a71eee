/** The routes of a Next build, as .next/routes-manifest.json lists them. */
export type RouteTable = { staticRoutes: { page: string }[]; dynamicRoutes: { page: string; regex: string }[] };

export type RouteMatcher = (pathname: string) => string;

/** Labels for what is not one of the app's routes: a fixed set, so metrics stay bounded. */
export const UNMATCHED_ROUTE = "unmatched";
const FRAMEWORK_ROUTES: [RegExp, string][] = [
  [/^\/_next\/static\//, "/_next/static"],
  [/^\/_next\/image/, "/_next/image"],
  [/^\/_next\//, "/_next"],
];

/**
 * Maps a request path to the route pattern that serves it ("/r/[token]", "/api/messages/list"),
 * never to the path itself: paths carry secrets (a read link's token) and unbounded values.
 * Anything the table does not know is UNMATCHED_ROUTE (a 404, or a public file).
 */
export function routeMatcher(table: RouteTable): RouteMatcher {
  const exact = new Set(table.staticRoutes.map((r) => r.page));
  const dynamic = table.dynamicRoutes.flatMap((r) => {
    try {
      return [{ page: r.page, regex: new RegExp(r.regex) }];
    } catch {
      return [];
    }
  });
  return (pathname) => {
    const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    if (exact.has(path)) return path;
    for (const [pattern, label] of FRAMEWORK_ROUTES) if (pattern.test(path)) return label;
    return dynamic.find((r) => r.regex.test(path))?.page ?? UNMATCHED_ROUTE;
  };
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The method as a label: one of the usual ones, else "OTHER" (a client may send any token). */
export function methodLabel(method: string | undefined): string {
  const m = (method ?? "").toUpperCase();
  return METHODS.has(m) ? m : "OTHER";
}
