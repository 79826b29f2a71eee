import { apopDigest, apopTimestamp } from "./apop";
import { readCapabilities } from "./commands/capa";
import { Pop3Connection, type Pop3ConnectOptions } from "./connection";
import { Pop3ConnectionError, Pop3ResponseError } from "./errors";

export type Pop3Auth = "user" | "apop";

export type Pop3SessionOptions = Pop3ConnectOptions & { auth: Pop3Auth; user: string; pass: string };

/**
 * Connects and signs in: greeting, CAPA, STLS when asked (RFC 2595; refuses to go on in the clear
 * if the server cannot), then APOP (RFC 1939 7) or USER/PASS. Returns the connection in the
 * TRANSACTION state.
 * @throws Pop3ConnectionError | Pop3ResponseError (responseCode "AUTH" or the PASS/APOP command: wrong credentials)
 */
export async function openPop3Session(opts: Pop3SessionOptions): Promise<Pop3Connection> {
  const { connection, greeting } = await Pop3Connection.open(opts);
  try {
    let caps = await readCapabilities(connection);
    if (opts.security === "starttls") {
      if (!caps.has("STLS")) throw new Pop3ConnectionError("The POP3 server does not offer STARTTLS (STLS).", undefined, "tls");
      await connection.command("STLS");
      await connection.upgradeTls();
      caps = await readCapabilities(connection); // RFC 2595 4: forget what was said in the clear
    }
    if (opts.auth === "apop") {
      const timestamp = apopTimestamp(greeting);
      if (!timestamp) throw new Pop3ResponseError("the server does not offer APOP", "APOP", "AUTH");
      await connection.command(`APOP ${opts.user} ${apopDigest(timestamp, opts.pass)}`, "APOP");
    } else {
      if (caps.size > 0 && !caps.has("USER")) throw new Pop3ResponseError("the server does not offer USER/PASS", "USER", "AUTH");
      await connection.command(`USER ${opts.user}`, "USER");
      await connection.command(`PASS ${opts.pass}`, "PASS");
    }
    return connection;
  } catch (e) {
    connection.close();
    throw e;
  }
}
