import net from "node:net";
import { mailTlsSettings } from "@/lib/imap/connection-options";
import { getConfig } from "@/lib/env";
import { openNewsSession, type NewsSession } from "@/lib/nntp/open-news-session";
import { resolveUserHost } from "@/lib/net/user-host";
import { getNewsServer } from "./news-server-store";
import { toNewsError } from "./news-error";

/**
 * Runs `fn` on a fresh reader connection to the account's news server and closes it after.
 * Connections are per request, not pooled: NNTP keeps no state Postern needs between pages, and
 * any Postern process can serve the next request.
 * @throws PosternError HOST_REFUSED | NEWS_UNAVAILABLE | NEWS_AUTH_FAILED | NEWS_REJECTED | NOT_FOUND | MESSAGE_TOO_LARGE
 */
export async function withNews<T>(account: string, fn: (session: NewsSession) => Promise<T>): Promise<T> {
  const server = await getNewsServer(account);
  let session: NewsSession | null = null;
  try {
    const tls = mailTlsSettings(getConfig());
    // a server the user typed is checked like any other (SSRF); the installation's default is the admin's
    const host = server.own ? (await resolveUserHost(server.host)).address : server.host;
    session = await openNewsSession({
      host,
      port: server.port,
      security: server.security,
      // the certificate is checked against the name the user typed, not the address it resolved to
      tls: server.own && !net.isIP(server.host) ? { ...tls, servername: server.host } : tls,
      credentials: server.credentials,
    });
    return await fn(session);
  } catch (e) {
    throw toNewsError(e);
  } finally {
    session?.connection.close();
  }
}
