// Host names as a browser sees them, and the part of them that says who owns the site.
import { domainToASCII } from "node:url";
import { getDomain, parse } from "tldts";

/** Top-level domains reserved for examples and tests (RFC 2606, RFC 6761): not in the public
 * suffix list, but mail from test setups and documentation names them like real ones. */
const RESERVED_TLDS = new Set(["test", "example", "invalid", "localhost"]);

/** Lower-case ASCII (punycode) form of a host, as the WHATWG URL parser would give it (so
 * "0x7f.1" is "127.0.0.1" and "ＰａｙＰａｌ。com" is "paypal.com"), or null when it is no host. */
export function normalizeHost(host: string): string | null {
  const bare = host.replace(/^\[|\]$/g, "");
  if (bare.includes(":")) return `[${bare.toLowerCase()}]`;
  try {
    const hostname = new URL(`http://${host}/`).hostname;
    return hostname || null;
  } catch {
    return domainToASCII(host) || null;
  }
}

/**
 * The registrable domain ("example.co.uk" for "mail.example.co.uk"), from the public suffix list
 * including its private section, so that two users' "*.github.io" sites count as different
 * owners. An IP address or a name without a known suffix stands for itself.
 */
export function registrableDomain(hostname: string): string {
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname;
}

export function isIpAddress(hostname: string): boolean {
  return parse(hostname).isIp === true;
}

/** Whether a dotted word ends in a real suffix ("paypal.com", "bank.test") rather than being a
 * file name or an abbreviation ("report.pdf" is not: .pdf is no top-level domain). */
export function hasKnownSuffix(hostname: string): boolean {
  const info = parse(hostname, { allowPrivateDomains: true });
  if (info.isIp) return false;
  if (info.isIcann || info.isPrivate) return info.domain !== null;
  const labels = hostname.split(".");
  return labels.length >= 2 && RESERVED_TLDS.has(labels[labels.length - 1]);
}
