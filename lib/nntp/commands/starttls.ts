import type { NntpConnection } from "../connection";
import { expectCode } from "../expect-code";

/** STARTTLS (RFC 4642): asks, then upgrades the socket. @throws NntpResponseError when refused */
export async function startTls(conn: NntpConnection): Promise<void> {
  expectCode(await conn.command("STARTTLS"), [382], "STARTTLS");
  await conn.upgradeTls();
}
