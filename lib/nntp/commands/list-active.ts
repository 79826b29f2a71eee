import { NNTP_MAX_LIST_BYTES } from "@/lib/limits";
import type { NntpConnection } from "../connection";
import { checkArgument, expectCode } from "../expect-code";

/** A line of LIST ACTIVE: `status` is "y" (posting), "n" (no posting), "m" (moderated), ... */
export type ActiveGroup = { name: string; high: number; low: number; status: string };

/** Parses one LIST ACTIVE line; null when it is malformed (skipped, not fatal). */
export function parseActiveLine(line: string): ActiveGroup | null {
  const [name, high, low, status] = line.trim().split(/\s+/);
  const h = Number(high);
  const l = Number(low);
  if (!name || !Number.isSafeInteger(h) || !Number.isSafeInteger(l) || !status) return null;
  return { name, high: h, low: l, status };
}

/** LIST ACTIVE [wildmat] (RFC 3977 7.6.3). */
export async function listActive(conn: NntpConnection, wildmat?: string): Promise<ActiveGroup[]> {
  const arg = wildmat ? ` ${checkArgument(wildmat, "wildmat")}` : "";
  const { response, lines } = await conn.commandWithBlock(`LIST ACTIVE${arg}`, [215], NNTP_MAX_LIST_BYTES);
  expectCode(response, [215], "LIST ACTIVE");
  return (lines ?? []).flatMap((l) => parseActiveLine(l.toString("utf8")) ?? []);
}
