import type { NntpConnection } from "../connection";
import { checkArgument, expectCode } from "../expect-code";
import { NntpProtocolError } from "../errors";

export type GroupStatus = { name: string; count: number; low: number; high: number };

/** Reads "count low high name" of a 211 answer (GROUP and LISTGROUP). */
export function parseGroupStatus(text: string, fallbackName: string): GroupStatus {
  const [count, low, high, name] = text.split(/\s+/);
  const nums = [count, low, high].map(Number);
  if (nums.some((n) => !Number.isSafeInteger(n) || n < 0)) throw new NntpProtocolError(`Malformed GROUP answer: "${text.slice(0, 80)}"`);
  return { name: name || fallbackName, count: nums[0], low: nums[1], high: nums[2] };
}

/** GROUP (RFC 3977 6.1.1): selects a group. @throws NntpResponseError 411 when there is no such group */
export async function selectGroup(conn: NntpConnection, group: string): Promise<GroupStatus> {
  const r = expectCode(await conn.command(`GROUP ${checkArgument(group, "group name")}`), [211], "GROUP");
  return parseGroupStatus(r.text, group);
}
