import type { NntpConnection } from "../connection";
import { expectCode } from "../expect-code";
import { NntpProtocolError } from "../errors";

/** AUTHINFO USER/PASS (RFC 4643 2.3). @throws NntpResponseError 481 for a wrong user or password */
export async function authinfo(conn: NntpConnection, creds: { user: string; pass: string }): Promise<void> {
  if (/[\r\n\0]/.test(creds.user + creds.pass)) throw new NntpProtocolError("A news user name or password may not contain line breaks.");
  const user = expectCode(await conn.command(`AUTHINFO USER ${creds.user}`), [281, 381], "AUTHINFO USER");
  if (user.code === 281) return;
  expectCode(await conn.command(`AUTHINFO PASS ${creds.pass}`), [281], "AUTHINFO PASS");
}
