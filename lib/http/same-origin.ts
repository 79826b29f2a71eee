/**
 * CSRF defence for JSON mutations: the browser must say the request comes from a Postern page
 * (Origin equal to the host it was sent to) and carry a custom header, which a cross-site form or
 * a "simple" cross-origin fetch cannot set without a CORS preflight that Postern never grants.
 */
export function isSameOriginRequest(req: Request): boolean {
  if (req.headers.get("x-postern-request") !== "1") return false;
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
