import { ImapFlow, type FetchQueryObject } from "imapflow";
import { getConfig } from "@/lib/env";
import { imapOptions } from "@/lib/imap/connection-options";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { LOAD_USER } from "./config";
import type { LabInfo } from "./lab";

/**
 * Points this process's Postern config (lib/env) at the lab, for the library-level cases. Must run
 * before anything calls getConfig(), which reads the environment once.
 */
export function configureLibForLab(lab: LabInfo): void {
  process.env.IMAP_PORT = String(lab.imapPort);
  process.env.MAIL_CA_FILE = lab.caCert;
  process.env.IMAP_TLS = "starttls";
}

/** What listMessages fetches per row: the raw baseline asks for exactly the same items. */
export const LIST_FETCH_QUERY: FetchQueryObject = {
  uid: true,
  envelope: true,
  flags: true,
  size: true,
  bodyStructure: true,
  internalDate: true,
};

/** A plain imapflow connection with Postern's own options (same TLS, same ID), outside the pool. */
export async function rawConnection(): Promise<ImapFlow> {
  const client = new ImapFlow(
    imapOptions(getConfig(), { user: LOAD_USER.email, pass: LOAD_USER.password }, null),
  );
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

/** An identity for the bench process's own session pool (lib/imap's getPool(), which the library
 * functions use), coming from its own address so it shares no per-address quota with the browsers. */
export function loadIdentity(name: string, clientIp: string): ImapIdentity {
  return { sessionId: `bench-${name}`, credentials: { user: LOAD_USER.email, pass: LOAD_USER.password }, clientIp };
}
