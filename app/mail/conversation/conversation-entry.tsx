import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ProblemList } from "@/app/i18n/problem-text";
import type { ConversationMessage } from "@/lib/imap/open-conversation";
import { makeSnippet } from "@/lib/mime/make-snippet";
import type { MessageView } from "@/lib/mime/message-view";
import { displayName, formatSize } from "../format";
import { HeaderLines } from "../header-lines";
import { LocalDate } from "../local-date";
import { mailUrl } from "../mail-url";
import { MessageContent, partUrl } from "../message-content";
import { conversationUrl } from "../thread-url";
import styles from "./conversation.module.css";

type Props = {
  folder: string;
  /** The message the conversation was opened from, kept in the "Show images" link. */
  openedUid: number;
  entry: ConversationMessage;
  view: MessageView | null;
  expanded: boolean;
  imagesAllowed: boolean;
};

/**
 * One message of a conversation: a one-line summary (sender, date, snippet) that opens to the
 * message as the reading pane shows it. <details> makes expanding work without JavaScript.
 */
export function ConversationEntry({ folder, openedUid, entry, view, expanded, imagesAllowed }: Props) {
  const t = useTranslations("message");
  const tl = useTranslations("list");
  const locale = useLocale();
  const sourceUrl = partUrl("source", folder, entry.uid);
  const snippet = entry.message ? makeSnippet(entry.message) : t("tooLargeShort", { size: formatSize(entry.size, locale) });
  return (
    <details open={expanded} className={entry.seen ? styles.message : `${styles.message} ${styles.unread}`} data-testid="conversation-message" data-uid={entry.uid}>
      <summary className={styles.summary}>
        <span className={styles.from} translate="no">{displayName(entry.from) ?? tl("unknownSender")}</span>
        <span className={styles.snippet} data-testid="conversation-snippet" translate={entry.message ? "no" : undefined}>{snippet}</span>
        <span className={styles.date}>
          <LocalDate iso={entry.date} />
        </span>
      </summary>
      {view ? (
        <>
          <div className="message-header">
            <HeaderLines view={view} fields={["from", "to", "cc"]} />
            <div className="message-tools">
              <Link href={mailUrl({ folder, uid: entry.uid })} prefetch={false}>{t("openInList")}</Link>
              <a href={sourceUrl} target="_blank" rel="noopener">{t("viewSource")}</a>
              <a href={`/mail/print?${new URLSearchParams({ folder, uid: String(entry.uid) })}`} target="_blank" rel="noopener">{t("print")}</a>
            </div>
          </div>
          {view.problems.length > 0 && (
            <div className="notice warning" role="status">
              <strong>{t("unreadableParts")}</strong> <ProblemList problems={view.problems} />
            </div>
          )}
          {view.body.kind === "html" && view.body.blockedRemoteCount > 0 && !view.body.allowRemoteContent && (
            <div className="notice" role="status" data-testid="remote-blocked">
              {t("remoteBlocked")}{" "}
              <Link href={conversationUrl({ folder, uid: openedUid, images: "1" })} prefetch={false}>{t("showImages")}</Link>
            </div>
          )}
          <MessageContent folder={folder} uid={entry.uid} view={view} />
        </>
      ) : (
        <p className="notice">
          {t.rich("tooLarge", { size: formatSize(entry.size, locale), link: (chunks) => <a href={sourceUrl}>{chunks}</a> })}
        </p>
      )}
    </details>
  );
}
