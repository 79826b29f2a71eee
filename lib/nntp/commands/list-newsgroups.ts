import { NNTP_MAX_LIST_BYTES } from "@/lib/limits";
import { decodeText } from "@/lib/mime/decode-text";
import type { NntpConnection } from "../connection";
import { checkArgument, expectCode } from "../expect-code";

/** LIST NEWSGROUPS [wildmat] (RFC 3977 7.6.6): group name -> one-line description. Descriptions
 * are UTF-8 by the RFC and often Latin-1 in practice: decodeText guesses when they are not UTF-8. */
export async function listNewsgroups(conn: NntpConnection, wildmat?: string): Promise<Map<string, string>> {
  const arg = wildmat ? ` ${checkArgument(wildmat, "wildmat")}` : "";
  const { response, lines } = await conn.commandWithBlock(`LIST NEWSGROUPS${arg}`, [215], NNTP_MAX_LIST_BYTES);
  // 503: the server keeps no descriptions; the list works without them
  if (response.code === 503) return new Map();
  expectCode(response, [215], "LIST NEWSGROUPS");
  const out = new Map<string, string>();
  for (const l of lines ?? []) {
    const m = /^(\S+)\s+(.*)$/.exec(decodeText(l));
    if (m) out.set(m[1], m[2].trim().slice(0, 500));
  }
  return out;
}
