import { requestHost, type ProxyTrust } from "./request-origin";

/** The request headers these checks read: a Request's, or Next's headers() in a server action. */
type HeaderSource = { get(name: string): string | null };

/**
 * Whether the browser says the request comes from a page of the host it was sent to: an Origin
 * header whose host is the Host (or a trusted proxy's X-Forwarded-Host) of the request. A missing
 * or "null" Origin is not, unlike Next's own check of server actions, which lets a request without
 * one through.
 */
export function isOwnOrigin(headers: HeaderSource, trust?: ProxyTrust): boolean {
  const origin = headers.get("origin");
  const host = requestHost(headers, trust);
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * CSRF defence for JSON mutations: the browser must say the request comes from a Postern page
 * (Origin equal to the host it was sent to) and carry a custom header, which a cross-site form or
 * a "simple" cross-origin fetch cannot set without a CORS preflight that Postern never grants.
 */
export function isSameOriginRequest(req: Request): boolean {
  return req.headers.get("x-postern-request") === "1" && isOwnOrigin(req.headers);
}
