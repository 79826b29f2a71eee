import { NNTP_MAX_LIST_BYTES } from "@/lib/limits";
import type { NntpConnection } from "../connection";
import { checkArgument, expectCode } from "../expect-code";

/** NEWNEWS wildmat date time GMT (RFC 3977 7.4): Message-IDs of articles that arrived since `since`.
 * Many servers refuse it to readers (502/503): callers fall back to GROUP high-water marks. */
export async function newNews(conn: NntpConnection, opts: { wildmat: string; since: Date }): Promise<string[]> {
  const iso = opts.since.toISOString();
  const date = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  const { response, lines } = await conn.commandWithBlock(`NEWNEWS ${checkArgument(opts.wildmat, "wildmat")} ${date} GMT`, [230], NNTP_MAX_LIST_BYTES);
  expectCode(response, [230], "NEWNEWS");
  return (lines ?? []).map((l) => l.toString("latin1").trim().replace(/^<|>$/g, "")).filter(Boolean);
}
