import net from "node:net";

/**
 * The network part of a client address, the most an offline Postern can say about where a session
 * is (no GeoIP database ships with it): an IPv4 /24 ("203.0.113.x") or an IPv6 /48
 * ("2001:db8:1::/48"). Null for anything that is not an address.
 */
export function networkPrefix(ip: string | null | undefined): string | null {
  const address = (ip ?? "").trim().replace(/^::ffff:(?=\d+\.)/i, "");
  if (net.isIPv4(address)) return `${address.split(".").slice(0, 3).join(".")}.x`;
  if (!net.isIPv6(address)) return null;
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 3).map((g) => parseInt(g, 16).toString(16)).join(":")}::/48`;
}
