import type { NntpConnection } from "../connection";
import { expectCode } from "../expect-code";

/** Splits a message at its line ends (CRLF or LF) for sending as a block. */
export function splitLines(raw: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let lf = raw.indexOf(0x0a); lf >= 0; lf = raw.indexOf(0x0a, start)) {
    lines.push(raw.subarray(start, lf > start && raw[lf - 1] === 0x0d ? lf - 1 : lf));
    start = lf + 1;
  }
  if (start < raw.length) lines.push(raw.subarray(start));
  return lines;
}

/**
 * POST (RFC 3977 6.3.1) of a complete article (headers, blank line, body).
 * @throws NntpResponseError 440 (posting not permitted) or 441 with the server's reason
 */
export async function postArticle(conn: NntpConnection, raw: Buffer): Promise<void> {
  expectCode(await conn.command("POST"), [340], "POST");
  expectCode(await conn.sendBlock(splitLines(raw)), [240], "POST");
}
