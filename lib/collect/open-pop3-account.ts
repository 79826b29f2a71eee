import net from "node:net";
import { getConfig } from "@/lib/env";
import { mailTlsSettings } from "@/lib/imap/connection-options";
import { resolveUserHost } from "@/lib/net/user-host";
import type { Pop3Connection } from "@/lib/pop3/connection";
import { openPop3Session } from "@/lib/pop3/open-pop3-session";
import { toCollectError } from "./collect-error";
import type { Pop3Account } from "./pop3-account-store";

export type Pop3Server = Pick<Pop3Account, "host" | "port" | "security" | "auth" | "credentials">;

/**
 * Signs in to a user's POP3 server. The typed host is checked first (lib/net/user-host.ts: no
 * internal addresses unless INTERNAL_HOSTS allows them) and the checked address is the one
 * connected to; the certificate is checked against the typed name.
 * @throws PosternError HOST_REFUSED | BAD_REQUEST | POP3_UNAVAILABLE | POP3_AUTH_FAILED
 */
export async function openPop3Account(server: Pop3Server): Promise<Pop3Connection> {
  try {
    const checked = await resolveUserHost(server.host);
    const tls = mailTlsSettings(getConfig());
    return await openPop3Session({
      host: checked.address,
      port: server.port,
      security: server.security,
      tls: net.isIP(server.host) ? tls : { ...tls, servername: server.host },
      auth: server.auth,
      user: server.credentials.user,
      pass: server.credentials.pass,
    });
  } catch (e) {
    throw toCollectError(e);
  }
}
