import net from "node:net";

// Where the image proxy may connect (issue 8, SSRF): only addresses on the public internet. A
// message must not be able to make Postern fetch from itself, its LAN, the cloud metadata service
// (169.254.169.254) or anything else only Postern can reach. The lists follow the IANA special-
// purpose registries (RFC 6890 and its updates); an address in any of them is refused.

export type AddressClass = "public" | "loopback" | "private" | "link-local" | "multicast" | "unspecified" | "reserved" | "invalid";

type Range = [cidr: string, cls: Exclude<AddressClass, "public" | "invalid">];

const V4_RANGES: Range[] = [
  ["0.0.0.0/8", "unspecified"], // "this network"; 0.0.0.0 itself reaches the local host on Linux
  ["10.0.0.0/8", "private"], // RFC 1918
  ["100.64.0.0/10", "private"], // RFC 6598 carrier-grade NAT
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"], // includes the cloud metadata service
  ["172.16.0.0/12", "private"], // RFC 1918
  ["192.0.0.0/24", "reserved"], // IETF protocol assignments
  ["192.0.2.0/24", "reserved"], // TEST-NET-1
  ["192.88.99.0/24", "reserved"], // 6to4 relay anycast
  ["192.168.0.0/16", "private"], // RFC 1918
  ["198.18.0.0/15", "reserved"], // benchmarking
  ["198.51.100.0/24", "reserved"], // TEST-NET-2
  ["203.0.113.0/24", "reserved"], // TEST-NET-3
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved"], // includes 255.255.255.255
];

const V6_RANGES: Range[] = [
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["::/96", "reserved"], // deprecated IPv4-compatible addresses
  ["100::/64", "reserved"], // discard-only
  ["2001::/23", "reserved"], // IETF protocol assignments (Teredo, ORCHID, ...)
  ["2001:db8::/32", "reserved"], // documentation
  ["fc00::/7", "private"], // unique local addresses
  ["fe80::/10", "link-local"],
  ["fec0::/10", "private"], // deprecated site-local
  ["ff00::/8", "multicast"],
];

function blockList(ranges: Range[], type: "ipv4" | "ipv6"): Array<{ list: net.BlockList; cls: Range[1] }> {
  return ranges.map(([cidr, cls]) => {
    const [address, prefix] = cidr.split("/");
    const list = new net.BlockList();
    list.addSubnet(address, Number(prefix), type);
    return { list, cls };
  });
}

const V4 = blockList(V4_RANGES, "ipv4");
const V6 = blockList(V6_RANGES, "ipv6");

/** The 16 bytes of an IPv6 address in any textual form (compressed, dotted tail, zone id). */
function ipv6Bytes(address: string): Buffer | null {
  let text = address.replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    if (net.isIPv4(dotted[1]) === false) return null;
    const [a, b, c, d] = dotted[1].split(".").map(Number);
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  const out = Buffer.alloc(16);
  for (let i = 0; i < 8; i++) {
    if (!/^[0-9a-f]{1,4}$/i.test(groups[i])) return null;
    out.writeUInt16BE(parseInt(groups[i], 16), i * 2);
  }
  return out;
}

/** An IPv4 address carried inside an IPv6 one, which a connection would reach: IPv4-mapped
 * (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002:AABB:CCDD::/48). */
function embeddedIpv4(bytes: Buffer): string | null {
  const v4 = (offset: number) => Array.from(bytes.subarray(offset, offset + 4)).join(".");
  const zero = (from: number, to: number) => bytes.subarray(from, to).every((b) => b === 0);
  if (zero(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4(12);
  if (bytes.readUInt16BE(0) === 0x64 && bytes.readUInt16BE(2) === 0xff9b && zero(4, 12)) return v4(12);
  if (bytes.readUInt16BE(0) === 0x2002) return v4(2);
  return null;
}

/** What kind of address `address` (an IP literal, no brackets) is; "invalid" when it is none. */
export function classifyAddress(address: string): AddressClass {
  if (net.isIPv4(address)) return V4.find((r) => r.list.check(address, "ipv4"))?.cls ?? "public";
  if (!net.isIPv6(address)) return "invalid";
  const bytes = ipv6Bytes(address);
  if (!bytes) return "invalid";
  const inner = embeddedIpv4(bytes);
  // judged as the IPv4 address it reaches: ::ffff:127.0.0.1 is loopback, 2002:0a00:0001:: private
  if (inner) return classifyAddress(inner);
  const canonical = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16)).join(":");
  return V6.find((r) => r.list.check(canonical, "ipv6"))?.cls ?? "public";
}

/** Whether the proxy may connect to `address`. `allowLoopback` is for tests only
 * (IMAGE_PROXY_ALLOW_LOOPBACK): their image servers listen on 127.0.0.1. */
export function isAllowedTarget(address: string, opts: { allowLoopback: boolean } = { allowLoopback: false }): boolean {
  const cls = classifyAddress(address);
  return cls === "public" || (opts.allowLoopback && cls === "loopback");
}
