import { NNTP_MAX_ARTICLE_BYTES } from "@/lib/limits";
import type { NntpConnection } from "../connection";
import { expectCode } from "../expect-code";
import { NntpProtocolError } from "../errors";

/** An article by its number in the selected group, or by Message-ID (with or without brackets). */
export type ArticleRef = { number: number } | { messageId: string };

const CODES = { ARTICLE: 220, HEAD: 221, BODY: 222 } as const;

function refArgument(ref: ArticleRef): string {
  if ("number" in ref) {
    if (!Number.isSafeInteger(ref.number) || ref.number < 1) throw new NntpProtocolError("Invalid article number.");
    return String(ref.number);
  }
  const id = ref.messageId.replace(/^<|>$/g, "");
  // RFC 3977 3.6: printable US-ASCII, no ">" inside, at most 250 octets with the brackets
  if (!/^[\x21-\x3d\x3f-\x7e]{1,248}$/.test(id)) throw new NntpProtocolError("Invalid Message-ID.");
  return `<${id}>`;
}

/**
 * ARTICLE, HEAD or BODY (RFC 3977 6.2): the raw bytes with CRLF line ends, dot-unstuffed.
 * `number` is 0 when asked by Message-ID (the server need not say where it is in a group).
 * @throws NntpResponseError 423/430 when there is no such article; NntpProtocolError too-large
 */
export async function fetchArticle(
  conn: NntpConnection,
  opts: { ref: ArticleRef; part?: keyof typeof CODES; maxBytes?: number },
): Promise<{ number: number; messageId: string; raw: Buffer }> {
  const part = opts.part ?? "ARTICLE";
  const { response, lines } = await conn.commandWithBlock(`${part} ${refArgument(opts.ref)}`, [CODES[part]], opts.maxBytes ?? NNTP_MAX_ARTICLE_BYTES);
  expectCode(response, [CODES[part]], part);
  const [n, id] = response.text.split(/\s+/);
  const parts: Buffer[] = [];
  for (const l of lines ?? []) parts.push(l, CRLF);
  return { number: Number(n) || 0, messageId: (id ?? "").replace(/^<|>$/g, ""), raw: Buffer.concat(parts) };
}

const CRLF = Buffer.from("\r\n");
