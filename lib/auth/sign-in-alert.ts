// The sign-in alert: a short message appended to the account's own INBOX (IMAP APPEND, RFC 3501
// 6.3.11), so no SMTP and no outside address is involved. It says when, from which browser family
// and from which address: never the password, a code, a cookie or the full User-Agent.
import crypto from "node:crypto";
import type { ImapFlow } from "imapflow";
import { agentFamily } from "@/lib/read-links/agent-family";
import { getSetting } from "@/lib/settings/account-settings";
import { knownDevice } from "./device-cookie";
import { signInAlerts } from "./security-settings";

export type SignInFacts = { account: string; at: Date; userAgent: string | null; clientIp: string | null };

/** Header-safe: no line breaks, printable ASCII (anything else from the network is dropped). */
const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, "").slice(0, 200);

/** The alert as an RFC 5322 message (pure, for tests). */
export function buildSignInAlert(facts: SignInFacts): string {
  const account = headerSafe(facts.account);
  const domain = account.split("@")[1] || "localhost";
  const when = facts.at.toUTCString();
  const browser = agentFamily(facts.userAgent);
  const body = [
    `Someone signed in to Postern as ${account} from a browser that had not signed in to this account before.`,
    "",
    `When:     ${when}`,
    `Browser:  ${browser}`,
    `Address:  ${facts.clientIp ? headerSafe(facts.clientIp) : "unknown"}`,
    "",
    "If this was you, there is nothing to do.",
    "If it was not, change your mail password now, then open Settings > Devices and sessions in",
    "Postern and sign that session out.",
    "",
    "You can turn these messages off in Settings > Sign-in security.",
  ].join("\r\n");
  return [
    `From: Postern <${account}>`,
    `To: <${account}>`,
    `Subject: New sign-in to Postern (${browser})`,
    `Date: ${when}`,
    `Message-ID: <${crypto.randomUUID()}@postern.${headerSafe(domain)}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=us-ascii",
    "Content-Transfer-Encoding: 7bit",
    "Auto-Submitted: auto-generated",
    "",
    body,
    "",
  ].join("\r\n");
}

/** Appends the alert to INBOX when the account asked for alerts. A failure is logged, never
 * stops the sign-in. Returns whether a message was appended. */
export async function appendSignInAlertIfOn(client: Pick<ImapFlow, "append">, facts: SignInFacts): Promise<boolean> {
  try {
    if (!(await getSetting(facts.account, signInAlerts))) return false;
    await client.append("INBOX", buildSignInAlert(facts), [], facts.at);
    return true;
  } catch (e) {
    console.error("[sign-in-alert]", e instanceof Error ? e.message : e);
    return false;
  }
}

/** After a good password: the alert (if the account asked for it) when the browser's device
 * cookie does not vouch for the account, i.e. this browser never signed in to it before. */
export async function alertIfNewBrowser(client: Pick<ImapFlow, "append">, facts: SignInFacts & { deviceCookie: string | null }): Promise<boolean> {
  if (knownDevice(facts.deviceCookie, facts.account)) return false;
  return appendSignInAlertIfOn(client, { account: facts.account, at: facts.at, userAgent: facts.userAgent, clientIp: facts.clientIp });
}
