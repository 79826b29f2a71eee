import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ProblemList } from "@/app/i18n/problem-text";
import { FocusOnOpen } from "./focus-on-open";
import type { MessageView } from "@/lib/mime/message-view";
import type { Receipt } from "@/lib/read-links/read-link-store";
import type { MessageSpamReport } from "@/lib/spam/message-report";
import { ComposeLinks } from "./compose-links";
import { formatSize } from "./format";
import { HeaderLines } from "./header-lines";
import { MessageActions } from "./message-actions";
import { MessageContent, partUrl } from "./message-content";
import { prefillUrl } from "./filters/prefill";
import { mailUrl } from "./mail-url";
import { alwaysShowImagesFrom } from "./settings/reading-actions";
import { MdnPrompt } from "./mdn-prompt";
import { MessageReceipts } from "./receipts/message-receipts";
import { SpamPanel } from "./spam-panel";
import { CsrfField } from "./csrf-field";

type Props = {
  folder: string;
  uid: number;
  page: number;
  imagesAllowed: boolean;
  /** The sender whose images the reader always allows, when this message is from them. */
  alwaysImagesFrom?: string | null;
  size: number;
  flagged: boolean;
  inTrash: boolean;
  inJunk?: boolean;
  /** Sort/search parameters of the list, kept in links. */
  listParams?: Record<string, string>;
  view: MessageView | null;
  /** The folder is the Drafts folder: offer "Edit draft" instead of Reply/Forward. When not
   * given, a folder named Drafts counts as one. */
  inDrafts?: boolean;
  /** Read-link receipts of this message, when the user sent it with them. */
  receipts?: Receipt[];
  /** The message asks for a read receipt to this address, and the user wants to be asked. */
  mdnRequestedBy?: string | null;
  /** Offer the switch between dark-adapted and the sender's own colours (not to a light reader). */
  colorSwitch?: boolean;
  /** The spam filter's report, streamed with the page (spam-panel.tsx). */
  spamReport: Promise<MessageSpamReport | null>;
  /** An added account's message (issue 22): reading, replying and the actions on its mailbox, but
   * not the features that belong to the user's own (filters, spam, print, receipts). */
  account?: string;
};

export function MessageViewPane({ folder, uid, page, imagesAllowed, alwaysImagesFrom, size, flagged, inTrash, inJunk, listParams, view, inDrafts, receipts = [], mdnRequestedBy = null, colorSwitch = false, spamReport, account }: Props) {
  const t = useTranslations("message");
  const locale = useLocale();
  const sourceUrl = partUrl("source", folder, uid, undefined, { account });
  const own = !account;
  if (!view) {
    return (
      <article className="message-view" aria-label={t("label")}>
        <p className="notice">
          {t.rich("tooLarge", { size: formatSize(size, locale), link: (chunks) => <a href={sourceUrl}>{chunks}</a> })}
        </p>
      </article>
    );
  }
  const { body } = view;
  // Offered for a single, not spoofed sender only: trusting a forged From would trust its victim.
  const sender = view.from.length === 1 ? view.from[0].address : "";
  const trustable = sender && !view.warnings.some((w) => w.kind === "sender") ? sender.toLowerCase() : null;
  return (
    <article className="message-view" aria-labelledby="message-subject">
      <FocusOnOpen targetId="message-subject" openKey={`${folder}/${uid}`} />
      <header className="message-header">
        <h2 id="message-subject" tabIndex={-1} data-testid="message-subject" translate={view.subject ? "no" : undefined}>
          {view.subject || t("noSubject")}
        </h2>
        <HeaderLines view={view} fields={["from", "to", "cc", "replyTo"]} />
        <div className="message-tools">
          <MessageActions uid={uid} flagged={flagged} inTrash={inTrash} inJunk={inJunk} />
          <ComposeLinks folder={folder} uid={uid} inDrafts={inDrafts} account={account} />
          <a href={sourceUrl} target="_blank" rel="noopener">{t("viewSource")}</a>
          <a href={`${sourceUrl}&download=1`}>{t("downloadEml")}</a>
          {own && (
            <a href={`/mail/print?${new URLSearchParams({ folder, uid: String(uid) })}`} target="_blank" rel="noopener">
              {t("print")}
            </a>
          )}
          {own && <a href={prefillUrl({ from: view.from[0]?.address || undefined, subject: view.subject || undefined })}>{t("createFilter")}</a>}
          {colorSwitch && body.kind === "html" && (
            // dark mode adapts the sender's colours (lib/mime/dark-colors.ts); this shows them as sent
            <Link
              href={mailUrl({ folder, page, uid, list: listParams, images: imagesAllowed ? "1" : undefined, colors: body.originalColors ? undefined : "original" })}
              prefetch={false}
              className="color-switch"
              data-testid="color-switch"
            >
              {body.originalColors ? t("adaptColours") : t("originalColours")}
            </Link>
          )}
        </div>
        {own && <SpamPanel report={spamReport} />}
      </header>
      <MessageReceipts receipts={receipts} />
      {mdnRequestedBy && <MdnPrompt folder={folder} uid={uid} notifyTo={mdnRequestedBy} />}
      {view.problems.length > 0 && (
        <div className="notice warning" role="status">
          <strong>{t("unreadableParts")}</strong> <ProblemList problems={view.problems} />{" "}
          <a href={sourceUrl} target="_blank" rel="noopener">{t("viewSource")}</a>
        </div>
      )}
      {body.kind === "html" && body.blockedRemoteCount > 0 && !imagesAllowed && (
        <div className="notice" role="status" data-testid="remote-blocked">
          {t("remoteBlocked")}{" "}
          <Link href={mailUrl({ folder, page, uid, images: "1", list: listParams })} prefetch={false}>
            {t("showImages")}
          </Link>
          {trustable && (
            <form action={alwaysShowImagesFrom} className="inline-form spaced">
              <CsrfField />
              <input type="hidden" name="address" value={trustable} />
              <input type="hidden" name="back" value={mailUrl({ folder, page, uid, list: listParams })} />
              <button type="submit" className="text-button">{t("alwaysShowImagesFrom", { sender: trustable })}</button>
            </form>
          )}
        </div>
      )}
      {body.kind === "html" && alwaysImagesFrom && (
        <p className="notice" role="status" data-testid="remote-trusted">
          {t("imagesTrusted", { sender: alwaysImagesFrom })} <a href="/mail/settings">{t("change")}</a>
        </p>
      )}
      <MessageContent folder={folder} uid={uid} view={view} account={account} />
    </article>
  );
}
