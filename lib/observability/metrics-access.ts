import crypto from "node:crypto";

export type MetricsRequest = {
  /** The client's address as server.mjs determined it (x-postern-client-ip), if it did. */
  clientIp: string | null;
  authorization: string | null;
  /** Whether the request carries a proxy's forwarding headers (X-Forwarded-For, X-Real-IP). */
  forwarded: boolean;
  trustProxy: number;
  token: string | undefined;
};

const isLoopback = (ip: string) => ip === "::1" || /^127\.\d+\.\d+\.\d+$/.test(ip);

/**
 * Who may read /metrics: a client on this machine (a Prometheus or node exporter beside Postern),
 * or anyone presenting METRICS_TOKEN as a bearer token. A request relayed by a proxy on this
 * machine is not "local" unless TRUST_PROXY says whose address to believe: without that, the
 * proxy's own loopback address would open the metrics to the whole Internet.
 */
export function mayReadMetrics(r: MetricsRequest): boolean {
  if (r.token && r.authorization?.startsWith("Bearer ") && sameSecret(r.authorization.slice(7).trim(), r.token)) return true;
  if (!r.clientIp || !isLoopback(r.clientIp)) return false;
  return r.trustProxy > 0 || !r.forwarded;
}

/** Constant-time comparison (of hashes, so lengths need not match). */
function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}
