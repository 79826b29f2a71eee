import { NNTP_MAX_LIST_BYTES } from "@/lib/limits";
import type { NntpConnection } from "../connection";
import { checkArgument, expectCode } from "../expect-code";
import { parseGroupStatus, type GroupStatus } from "./group";

/** LISTGROUP group [low-high] (RFC 3977 6.1.2): the article numbers that exist in a range. */
export async function listGroup(
  conn: NntpConnection,
  group: string,
  range?: { low: number; high: number },
): Promise<{ status: GroupStatus; numbers: number[] }> {
  const arg = range ? ` ${range.low}-${range.high}` : "";
  const { response, lines } = await conn.commandWithBlock(`LISTGROUP ${checkArgument(group, "group name")}${arg}`, [211], NNTP_MAX_LIST_BYTES);
  expectCode(response, [211], "LISTGROUP");
  const numbers = (lines ?? []).map((l) => Number(l.toString("latin1").trim())).filter((n) => Number.isSafeInteger(n) && n > 0);
  return { status: parseGroupStatus(response.text, group), numbers };
}
