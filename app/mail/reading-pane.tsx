import type { ReactNode } from "react";
import { after } from "next/server";
import { useTranslations } from "next-intl";
import { errorText } from "@/app/i18n/error-text";
import type { MailSession } from "@/lib/auth/session-store";
import { isPosternError } from "@/lib/http/errors";
import { openMessage, warmMessage, type OpenedMessage } from "@/lib/imap/open-message";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { fetchMdnRequest } from "@/lib/mdn/mdn-request";
import { mdnPolicy } from "@/lib/mdn/mdn-settings";
import { buildMessageView } from "@/lib/mime/message-view";
import { preferPlainText, trustedImageSender, trustedImageSenders } from "@/lib/mime/reading-settings";
import type { Receipt } from "@/lib/read-links/read-link-store";
import type { StoredSettings, Values } from "@/lib/settings/account-settings";
import { uiTheme } from "@/lib/settings/appearance-settings";
import { messageSpamReport } from "@/lib/spam/message-report";
import { MessageViewPane } from "./message-view";
import { requestStoredSettings } from "./request-settings";
import type { MailParams } from "./search-params";

/** The account's preferences the pane reads (with the page's others, in one read of settings). */
export const PANE_SETTINGS = [preferPlainText, trustedImageSenders, mdnPolicy, uiTheme] as const;

/** What the reading pane needs besides the message: read once per request by its caller. */
export type PaneInput = {
  session: MailSession & { imap: ImapIdentity };
  /** An added account's mailbox (issue 22), or null for the user's own. */
  other: ImapIdentity | null;
  account: string | null;
  params: MailParams;
  listParams: Record<string, string>;
  /** The list page the pane's links come back to. */
  page: number;
  /** The folder's special use (\\Trash, \\Drafts, …): which buttons the pane offers. */
  specialUse: string | null;
  opened: OpenedMessage | string | null;
  settings: Values<typeof PANE_SETTINGS>;
  /** The user's own settings as read already, for the spam report (a server action passes its
   * one read; the page leaves it to the render's cached read). */
  ownSettings?: Promise<StoredSettings>;
  receipts: Receipt[];
  /** The message below the open one in the list, read ahead once the answer is sent. */
  ahead: number | null;
};

/**
 * The reading pane of the mail page: the open message, the notice that it is gone, or the
 * invitation to pick one. Rendered with the whole page (app/mail/page.tsx) and alone when a click
 * in the list opens a message (open-pane.ts), so both show the same thing.
 */
export async function readingPane(p: PaneInput): Promise<ReactNode> {
  const { opened, params, session, other } = p;
  const [plainFirst, imageSenders, mdn, theme] = p.settings;
  if (typeof opened === "string" || !opened) return <EmptyPane notice={opened} />;
  const message = opened.message;
  const ownFolder = p.specialUse === "\\Sent" || p.specialUse === "\\Drafts";
  // Read-receipt requests are asked about only where the user receives mail, never answered alone.
  const mdnRequest = mdn === "ask" && !other && message && !ownFolder ? await fetchMdnRequest(session.imap, { folder: params.folder, uid: opened.uid }) : null;
  const alwaysImagesFrom = message ? trustedImageSender(message.from, imageSenders) : null;
  const imagesAllowed = params.images === "1" || alwaysImagesFrom !== null;
  // not awaited: the message shows first, the report follows in the same response
  const spamReport = message && !other ? (p.ownSettings ?? requestStoredSettings([session.email])).then((settings) => messageSpamReport(session.imap, session.email, params.folder, opened.uid, opened.source, settings)).catch((e: unknown) => {
        console.warn("[spam-report]", e instanceof Error ? e.message : e);
        return null;
      }) : Promise.resolve(null);
  // Read the next message ahead once the answer is sent (never marking it read): "next" then
  // opens from memory (warm-messages.ts).
  const imap = other ?? session.imap;
  if (message && p.ahead) {
    const ahead = p.ahead;
    after(() => warmMessage(imap, { folder: params.folder, uid: ahead, uidValidity: opened.uidValidity }).catch(() => undefined));
  }
  const view = message ? buildMessageView(message, { allowRemoteContent: imagesAllowed, preferPlainText: plainFirst, originalColors: params.colors === "original" }) : null;
  return (
    <MessageViewPane
      folder={params.folder}
      listParams={p.listParams}
      uid={opened.uid}
      page={p.page}
      imagesAllowed={imagesAllowed}
      alwaysImagesFrom={alwaysImagesFrom}
      size={opened.size}
      flagged={opened.flagged}
      inTrash={p.specialUse === "\\Trash"}
      inDrafts={p.specialUse === "\\Drafts"}
      inJunk={p.specialUse === "\\Junk"}
      view={view}
      receipts={p.receipts}
      mdnRequestedBy={mdnRequest && !mdnRequest.answered ? mdnRequest.notifyTo.address : null}
      colorSwitch={theme !== "light"}
      spamReport={spamReport}
      account={p.account ?? undefined}
    />
  );
}

/** No message: the invitation to pick one, or the notice that the one asked for is gone. */
function EmptyPane({ notice }: { notice: string | null }) {
  // translated while rendering (not in readingPane), where the request's cached settings serve it
  const t = useTranslations("mail");
  return (
    <section className="message-view empty" aria-label={t("message")}>
      {notice ? <p data-testid="message-missing">{notice}</p> : <p>{t("selectToRead")}</p>}
    </section>
  );
}

/** A message that vanished (moved or deleted elsewhere) is a notice in the pane, not an error page. */
export async function openMessageOrNotice(imap: ImapIdentity, folder: string, uid: number): Promise<OpenedMessage | string> {
  try {
    return await openMessage(imap, { folder, uid });
  } catch (e) {
    if (isPosternError(e) && e.code === "NOT_FOUND") return errorText(e);
    throw e;
  }
}
