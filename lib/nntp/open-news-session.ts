import { authinfo } from "./commands/authinfo";
import { readCapabilities, type Capabilities } from "./commands/capabilities";
import { modeReader } from "./commands/mode-reader";
import { readOverviewFormat } from "./commands/over";
import { startTls } from "./commands/starttls";
import { NntpConnection, type NntpConnectOptions } from "./connection";
import { NntpConnectionError } from "./errors";
import type { OverviewFormat } from "./parse-overview";

export type NewsSessionOptions = NntpConnectOptions & { credentials?: { user: string; pass: string } | null };

/** A ready reader connection and what Postern learned about the server on the way. */
export type NewsSession = {
  connection: NntpConnection;
  capabilities: Capabilities;
  postingAllowed: boolean;
  /** The server knows OVER/HDR (RFC 3977) rather than only XOVER/XHDR. */
  hasOver: boolean;
  overviewFormat: OverviewFormat;
};

/**
 * Connects and prepares a reader session: greeting, CAPABILITIES, STARTTLS when asked (RFC 4642;
 * refuses to go on in the clear if the server cannot), MODE READER when the server is in transit
 * mode, AUTHINFO USER/PASS (RFC 4643) when credentials are given.
 * @throws NntpConnectionError | NntpResponseError (481: wrong user name or password)
 */
export async function openNewsSession(opts: NewsSessionOptions): Promise<NewsSession> {
  const { connection, greeting } = await NntpConnection.open(opts);
  try {
    if (greeting.code !== 200 && greeting.code !== 201) {
      throw new NntpConnectionError(`The news server refused the connection: ${greeting.code} ${greeting.text}`.slice(0, 300));
    }
    let postingAllowed = greeting.code === 200;
    let caps = await readCapabilities(connection);
    if (opts.security === "starttls") {
      if (!caps.has("STARTTLS")) throw new NntpConnectionError("The news server does not offer STARTTLS.");
      await startTls(connection);
      caps = await readCapabilities(connection); // RFC 4642 2.2.2: forget what was said in the clear
    }
    if (caps.has("MODE-READER") && !caps.has("READER")) {
      postingAllowed = await modeReader(connection);
      caps = await readCapabilities(connection);
    }
    if (opts.credentials?.user) {
      await authinfo(connection, opts.credentials);
      caps = await readCapabilities(connection); // RFC 4643 2.3.4: capabilities may change after AUTHINFO
      postingAllowed = postingAllowed || caps.has("POST");
    }
    if (caps.size) postingAllowed = caps.has("POST");
    const hasOver = caps.size === 0 ? false : caps.has("OVER");
    const overviewFormat = await readOverviewFormat(connection);
    return { connection, capabilities: caps, postingAllowed, hasOver, overviewFormat };
  } catch (e) {
    connection.close();
    throw e;
  }
}
