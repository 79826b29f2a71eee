import { getConfig } from "@/lib/env";

/** The request headers these read: a Request's, or Next's headers(). */
type HeaderSource = { get(name: string): string | null };

/** What decides whether X-Forwarded-* headers are believed and whether Postern is on HTTPS. */
export type ProxyTrust = { trustProxy: number; publicUrl?: string };

const fromConfig = (): ProxyTrust => ({ trustProxy: getConfig().TRUST_PROXY, publicUrl: getConfig().PUBLIC_URL });

/**
 * A forwarded header's value, only when TRUST_PROXY says a proxy of ours stands in front (anyone
 * else can send any X-Forwarded-* they like). The last entry is the one the nearest proxy added.
 * server.mjs also strips these headers when no proxy is trusted, so Next's own values stay.
 */
function forwarded(headers: HeaderSource, name: string, trust: ProxyTrust): string | null {
  if (trust.trustProxy <= 0) return null;
  const entries = (headers.get(name) ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return entries.at(-1) ?? null;
}

/** The host the browser addressed: the Host header, or a trusted proxy's X-Forwarded-Host. */
export function requestHost(headers: HeaderSource, trust: ProxyTrust = fromConfig()): string | null {
  return forwarded(headers, "x-forwarded-host", trust) ?? headers.get("host");
}

/** Whether the browser speaks HTTPS to Postern: PUBLIC_URL says so, or a trusted proxy does
 * (X-Forwarded-Proto). server.mjs itself only speaks plain HTTP. */
export function isHttpsRequest(headers: HeaderSource, trust: ProxyTrust = fromConfig()): boolean {
  if (trust.publicUrl?.toLowerCase().startsWith("https:")) return true;
  return forwarded(headers, "x-forwarded-proto", trust)?.toLowerCase() === "https";
}

/** The origin the browser addressed ("https://mail.example.test"), or null without a Host. */
export function requestOrigin(headers: HeaderSource, trust: ProxyTrust = fromConfig()): string | null {
  const host = requestHost(headers, trust);
  return host ? `${isHttpsRequest(headers, trust) ? "https" : "http"}://${host}` : null;
}
