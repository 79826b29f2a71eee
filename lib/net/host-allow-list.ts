import net from "node:net";

/**
 * The admin's exceptions to the rule that user-typed servers must be on the public internet
 * (INTERNAL_HOSTS): host names, matched against what the user typed, and IP addresses or CIDR
 * ranges, matched against every address the name resolves to.
 */
export type HostAllowList = { names: Set<string>; ranges: net.BlockList };

export const normalizeHostName = (host: string) => host.trim().replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();

/** Parses "mail.internal, 10.1.0.0/16, 192.168.1.5"; throws on an entry that is neither. */
export function parseHostAllowList(text: string): HostAllowList {
  const names = new Set<string>();
  const ranges = new net.BlockList();
  for (const raw of text.split(/[\s,]+/)) {
    const entry = normalizeHostName(raw);
    if (!entry) continue;
    const [address, prefix] = entry.split("/");
    const family = net.isIP(address);
    if (family) {
      const type = family === 4 ? "ipv4" : "ipv6";
      const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) throw new Error(`INTERNAL_HOSTS: "${raw}" has an invalid prefix length`);
      ranges.addSubnet(address, bits, type);
    } else if (prefix === undefined && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)) {
      names.add(entry);
    } else {
      throw new Error(`INTERNAL_HOSTS: "${raw}" is neither a host name nor an IP address or range`);
    }
  }
  return { names, ranges };
}

export function rangeAllows(list: HostAllowList, address: string): boolean {
  const family = net.isIP(address);
  return family !== 0 && list.ranges.check(address, family === 4 ? "ipv4" : "ipv6");
}
