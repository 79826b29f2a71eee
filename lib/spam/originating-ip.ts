import { isIP } from "node:net";
import { headerValues, type SpamMessage } from "./spam-message";

/** The "from" clause of a Received field: the name the client gave, its reverse-DNS name and IP. */
const RECEIVED_FROM = /^\s*from\s+([\s\S]*?)(?=\s+by\s|\s+with\s|\s+id\s|\s+for\s|;|$)/i;
const BRACKETED_IP = /\[(?:IPv6:)?([0-9a-f:.]+)\]/gi;

/** Addresses of the recipient's own networks (and unroutable ones): a hop from there is still
 * inside the receiving side, not where the message came from. */
function isInternal(ip: string): boolean {
  if (isIP(ip) === 6) return ip === "::1" || /^f[cd]/i.test(ip) || /^fe[89ab]/i.test(ip) || /^::ffff:(?:127|10)\./i.test(ip);
  const [a, b] = ip.split(".").map(Number);
  return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

/**
 * The IP address that handed the message to the receiving side: walking the Received fields from
 * the top (the receiving server's own, the only ones it vouches for), the first hop whose "from"
 * clause names a bracketed address outside the internal ranges. Fields below it were written by
 * machines the receiver does not control and may be forged, so the walk stops there. Null when
 * no such hop is recorded (local mail, or the headers say nothing).
 */
export function originatingIp(message: SpamMessage): string | null {
  for (const received of headerValues(message, "Received")) {
    const from = received.match(RECEIVED_FROM)?.[1];
    if (!from) continue;
    for (const m of from.matchAll(BRACKETED_IP)) {
      const ip = m[1];
      if (isIP(ip) && !isInternal(ip)) return ip;
    }
  }
  return null;
}

/** The DNSBL query name of an IPv4 address in `zone` (RFC 5782: octets reversed); null for IPv6,
 * which few lists serve. */
export function dnsblQueryName(ip: string, zone: string): string | null {
  if (isIP(ip) !== 4) return null;
  return `${ip.split(".").reverse().join(".")}.${zone}`;
}
