// The sign-in alert: a short message appended to the account's own INBOX (IMAP APPEND, RFC 3501
// 6.3.11), so no SMTP and no outside address is involved. It says when, from which browser family
// and from which address: never the password, a code, a cookie or the full User-Agent.
import crypto from "node:crypto";
import type { ImapFlow } from "imapflow";
import { encodeWords } from "nodemailer/lib/mime-funcs";
import { agentFacts, englishAgentName, type AgentFacts } from "@/lib/read-links/agent-family";
import { getSetting } from "@/lib/settings/account-settings";
import { knownDevice } from "./device-cookie";
import { signInAlerts } from "./security-settings";

export type SignInFacts = { account: string; at: Date; userAgent: string | null; clientIp: string | null };

/** What the alert says, for the words: the header-safe account, browser family (its facts, and
 * in English) and address (null: unknown). */
export type SignInAlertView = { account: string; at: Date; agent: AgentFacts; browser: string; address: string | null };

/** The alert's subject and body (lines joined with "\n"), in the account owner's language. */
export type SignInAlertWords = { subject: string; body: string };

/** Makes the words (app/i18n/sign-in-alert-words.ts: in the account's language); English without one. */
export type SayAlert = (view: SignInAlertView) => Promise<SignInAlertWords>;

/** Header-safe: no line breaks, printable ASCII (anything else from the network is dropped). */
const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, "").slice(0, 200);

export function alertView(facts: SignInFacts): SignInAlertView {
  const agent = agentFacts(facts.userAgent);
  return { account: headerSafe(facts.account), at: facts.at, agent, browser: englishAgentName(agent), address: facts.clientIp ? headerSafe(facts.clientIp) : null };
}

/** The English words (the catalog's "signInAlert" says the same for "en"). */
export function englishAlertWords(view: SignInAlertView): SignInAlertWords {
  const body = [
    `Someone signed in to Postern as ${view.account} from a browser that had not signed in to this account before.`,
    "",
    `When:     ${view.at.toUTCString()}`,
    `Browser:  ${view.browser}`,
    `Address:  ${view.address ?? "unknown"}`,
    "",
    "If this was you, there is nothing to do.",
    "If it was not, change your mail password now, then open Settings > Devices and sessions in",
    "Postern and sign that session out.",
    "",
    "You can turn these messages off in Settings > Sign-in security.",
  ].join("\n");
  return { subject: `New sign-in to Postern (${view.browser})`, body };
}

/** The alert as an RFC 5322 message (pure, for tests): 7-bit when the words are ASCII, else UTF-8
 * (RFC 2047 subject, base64 body). */
export function buildSignInAlert(facts: SignInFacts, words: SignInAlertWords = englishAlertWords(alertView(facts))): string {
  const { account } = alertView(facts);
  const domain = account.split("@")[1] || "localhost";
  const subject = words.subject.replace(/[\r\n]+/g, " ").slice(0, 300);
  const lines = words.body.split(/\r?\n/);
  const ascii = /^[\x20-\x7e\n]*$/.test(lines.join("\n")) && /^[\x20-\x7e]*$/.test(subject);
  const body = ascii ? lines.join("\r\n") : (Buffer.from(lines.join("\r\n"), "utf8").toString("base64").match(/.{1,76}/g) ?? []).join("\r\n");
  return [
    `From: Postern <${account}>`,
    `To: <${account}>`,
    `Subject: ${ascii ? subject : encodeWords(subject, "B", 52)}`,
    `Date: ${facts.at.toUTCString()}`,
    `Message-ID: <${crypto.randomUUID()}@postern.${headerSafe(domain)}>`,
    "MIME-Version: 1.0",
    `Content-Type: text/plain; charset=${ascii ? "us-ascii" : "utf-8"}`,
    `Content-Transfer-Encoding: ${ascii ? "7bit" : "base64"}`,
    "Auto-Submitted: auto-generated",
    "",
    body,
    "",
  ].join("\r\n");
}

/** Appends the alert to INBOX when the account asked for alerts. A failure is logged, never
 * stops the sign-in. Returns whether a message was appended. */
export async function appendSignInAlertIfOn(client: Pick<ImapFlow, "append">, facts: SignInFacts, say?: SayAlert): Promise<boolean> {
  try {
    if (!(await getSetting(facts.account, signInAlerts))) return false;
    const words = say ? await say(alertView(facts)) : undefined;
    await client.append("INBOX", buildSignInAlert(facts, words), [], facts.at);
    return true;
  } catch (e) {
    console.error("[sign-in-alert]", e instanceof Error ? e.message : e);
    return false;
  }
}

/** After a good password: the alert (if the account asked for it) when the browser's device
 * cookie does not vouch for the account, i.e. this browser never signed in to it before. */
export async function alertIfNewBrowser(client: Pick<ImapFlow, "append">, facts: SignInFacts & { deviceCookie: string | null }, say?: SayAlert): Promise<boolean> {
  if (knownDevice(facts.deviceCookie, facts.account)) return false;
  return appendSignInAlertIfOn(client, { account: facts.account, at: facts.at, userAgent: facts.userAgent, clientIp: facts.clientIp }, say);
}
