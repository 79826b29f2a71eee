// Telling a sender that a link was opened. At the moment of opening Postern has no session of
// the sender (the recipient is anonymous), so it cannot reach the sender's mailbox then; the
// opening is recorded, and the notices go out when the sender next uses Postern: the in-app
// notice on the next page, and (setting) a short message APPENDed to the sender's own INBOX
// over the sender's own IMAP session. Nothing is sent through the mail system on the sender's
// behalf without the sender's credentials, and no relay account is needed.
import { getDb } from "@/lib/db/client";
import { appendMessage } from "@/lib/imap/append-message";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withConnection } from "@/lib/imap/with-mailbox";
import { buildMessage } from "@/lib/smtp/build-message";
import { getSetting } from "@/lib/settings/account-settings";
import { formatUtcTime } from "./link-notice";
import { readLinkInboxNotice } from "./read-link-settings";
import { listReceipts, pageReceipts, type Receipt } from "./read-link-store";

const owner = (account: string) => account.trim().toLowerCase();

/** Openings the sender has not been shown yet, newest first. */
export async function unseenOpenings(account: string): Promise<Receipt[]> {
  return (await pageReceipts(account, null)).unseen;
}

/** The sender has been shown them (in the notice, or in Receipts): `ids`, or every opening. */
export async function markOpeningsSeen(account: string, ids?: string[], now = new Date()): Promise<void> {
  await getDb().readLink.updateMany({
    where: { account: owner(account), openedAt: { not: null }, notifiedAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { notifiedAt: now },
  });
}

type NoticeFacts = Pick<Receipt, "recipient" | "subject" | "openedAt" | "openedAgent" | "createdAt">;

/** The INBOX message's subject and text (lines joined with "\n"). */
export type OpeningNoticeWords = { subject: string; text: string };

/** Makes the words in the reader's language (app/i18n/opening-notice-words.ts); English without one. */
export type SayOpeningNotice = (r: NoticeFacts) => Promise<OpeningNoticeWords>;

/** The short INBOX message about one opening, in English with times in UTC. */
export function openingNoticeText(r: NoticeFacts): string {
  return [
    `${r.recipient} opened your message “${r.subject || "(no subject)"}” on ${formatUtcTime(r.openedAt ?? new Date())}${r.openedAgent ? `, in ${r.openedAgent}` : ""}.`,
    "",
    `You sent it on ${formatUtcTime(r.createdAt)} with a one-time read link. The message has now been deleted from Postern's server.`,
    "",
  ].join("\n");
}

const sayInEnglish: SayOpeningNotice = async (r) => ({ subject: `Opened: ${r.subject || "(no subject)"} — by ${r.recipient}`, text: openingNoticeText(r) });

/**
 * Delivers pending "opened" notices into the sender's INBOX when the setting is on (`enabled`:
 * when the caller has read it already), in the words of `say`. Each opening
 * is claimed before its APPEND (inboxNoticeAt set in one conditional UPDATE), so two pages
 * loading at once never deliver it twice; an APPEND that fails is released for the next time.
 * @returns how many notices were delivered
 */
export async function deliverInboxNotices(imap: ImapIdentity, account: string, opts: { now?: Date; enabled?: boolean; say?: SayOpeningNotice } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  if (!(opts.enabled ?? (await getSetting(account, readLinkInboxNotice)))) return 0;
  const db = getDb();
  const pending = await db.readLink.findMany({
    where: { account: owner(account), openedAt: { not: null }, inboxNoticeAt: null },
    select: { id: true },
    take: 20,
  });
  if (!pending.length) return 0;
  const receipts = new Map((await listReceipts(account)).map((r) => [r.id, r]));
  let delivered = 0;
  for (const { id } of pending) {
    const claim = await db.readLink.updateMany({ where: { id, inboxNoticeAt: null }, data: { inboxNoticeAt: now } });
    const receipt = receipts.get(id);
    if (claim.count !== 1 || !receipt) continue;
    try {
      const words = await (opts.say ?? sayInEnglish)(receipt);
      const built = await buildMessage({
        from: { name: "Postern", address: account },
        to: [{ name: "", address: account }],
        cc: [],
        bcc: [],
        subject: words.subject,
        text: words.text,
        attachments: [],
        headers: { "X-Postern-Notice": "read-link-opened" },
      });
      await withConnection(imap, (client) => appendMessage(client, "INBOX", built.raw, { flags: [], messageId: built.messageId }));
      delivered++;
    } catch (e) {
      console.warn("[read-links] opening notice not delivered:", e);
      await db.readLink.update({ where: { id }, data: { inboxNoticeAt: null } });
    }
  }
  return delivered;
}
