import { Resolver } from "node:dns/promises";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import type { RuleHit } from "./heuristics";
import { dnsblQueryName } from "./originating-ip";

/** A listing (or its absence) is remembered this long in the shared database, for every account
 * and process: lists change slowly, and a message is judged once but explained many times. */
export const DNSBL_CACHE_MINUTES = 60;
/** Points for a listing when the admin's entry names none. */
export const DNSBL_DEFAULT_POINTS = 2;

export type DnsblZone = { zone: string; points: number };

/** SPAM_DNSBL_ZONES: "zen.example.org=3, bl.example.net" (none by default). */
export function configuredZones(value = getConfig().SPAM_DNSBL_ZONES): DnsblZone[] {
  return value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => {
      const [zone, points] = e.split("=").map((p) => p.trim());
      const n = Number(points);
      return { zone: zone.toLowerCase(), points: points && Number.isFinite(n) ? n : DNSBL_DEFAULT_POINTS };
    });
}

function resolver(): Resolver {
  const { SPAM_DNSBL_SERVER, SPAM_DNSBL_TIMEOUT_MS } = getConfig();
  // One try, bounded: a slow or dead list costs at most the timeout, once per message arrival.
  const r = new Resolver({ timeout: SPAM_DNSBL_TIMEOUT_MS, tries: 1 });
  if (SPAM_DNSBL_SERVER) r.setServers([SPAM_DNSBL_SERVER]);
  return r;
}

/** Whether `ip` is listed in `zone`: an A record in 127.0.0.0/8 (RFC 5782); null when the list did
 * not answer in time (not cached: asked again next time). */
async function lookUp(r: Resolver, ip: string, zone: string): Promise<boolean | null> {
  const name = dnsblQueryName(ip, zone);
  if (!name) return false;
  try {
    return (await r.resolve4(name)).some((a) => a.startsWith("127."));
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === "ENOTFOUND" || code === "ENODATA" ? false : null;
  }
}

/** A list that did not answer in time is not asked again for this long. */
export const DNSBL_RESTING_MS = 5 * 60_000;
// Per process, a hint only: another process that finds the list down pays one timeout itself and
// rests it too; nothing is decided from this but whether to wait for the list now.
const restingUntil = new Map<string, number>();

async function cachedOrLookedUp(r: Resolver, ip: string, zone: string, now: number): Promise<boolean | null> {
  const db = getDb();
  const row = await db.spamDnsblCache.findUnique({ where: { zone_ip: { zone, ip } } });
  if (row && now - row.checkedAt.getTime() < DNSBL_CACHE_MINUTES * 60_000) return row.listed;
  if ((restingUntil.get(zone) ?? 0) > now) return null;
  const listed = await lookUp(r, ip, zone);
  if (listed === null) restingUntil.set(zone, now + DNSBL_RESTING_MS);
  if (listed !== null) {
    const data = { listed, checkedAt: new Date(now) };
    await db.spamDnsblCache.upsert({ where: { zone_ip: { zone, ip } }, create: { zone, ip, ...data }, update: data });
  }
  return listed;
}

/** Rule points for the originating IP from the admin's DNS blocklists, all asked at once. */
export async function dnsblHits(ip: string | null, zones: DnsblZone[] = configuredZones(), now = Date.now()): Promise<RuleHit[]> {
  if (!ip || !zones.length) return [];
  const r = resolver();
  const answers = await Promise.all(zones.map((z) => cachedOrLookedUp(r, ip, z.zone, now).catch(() => null)));
  return zones
    .filter((_, i) => answers[i] === true)
    .map((z) => ({ rule: `DNSBL_${z.zone}`, points: z.points, description: `The sending server ${ip} is on the blocklist ${z.zone}`, values: { ip, zone: z.zone } }));
}
