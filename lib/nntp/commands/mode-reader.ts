import type { NntpConnection } from "../connection";
import { expectCode } from "../expect-code";

/** MODE READER (RFC 3977 5.3) for servers that offer MODE-READER. @returns whether posting is allowed */
export async function modeReader(conn: NntpConnection): Promise<boolean> {
  const r = expectCode(await conn.command("MODE READER"), [200, 201], "MODE READER");
  return r.code === 200;
}
