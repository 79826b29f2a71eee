import Link from "next/link";
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
  const sourceUrl = partUrl("source", folder, entry.uid);
  const snippet = entry.message ? makeSnippet(entry.message) : `Too large to display (${formatSize(entry.size)}).`;
  return (
    <details open={expanded} className={entry.seen ? styles.message : `${styles.message} ${styles.unread}`} data-testid="conversation-message" data-uid={entry.uid}>
      <summary className={styles.summary}>
        <span className={styles.from}>{displayName(entry.from)}</span>
        <span className={styles.snippet} data-testid="conversation-snippet">{snippet}</span>
        <span className={styles.date}>
          <LocalDate iso={entry.date} />
        </span>
      </summary>
      {view ? (
        <>
          <div className="message-header">
            <HeaderLines view={view} fields={["from", "to", "cc"]} />
            <div className="message-tools">
              <Link href={mailUrl({ folder, uid: entry.uid })} prefetch={false}>Open in the message list</Link>
              <a href={sourceUrl} target="_blank" rel="noopener">View source</a>
              <a href={`/mail/print?${new URLSearchParams({ folder, uid: String(entry.uid) })}`} target="_blank" rel="noopener">Print</a>
            </div>
          </div>
          {view.problems.length > 0 && (
            <div className="notice warning" role="status">
              <strong>Parts of this message could not be read.</strong> {view.problems.join(" ")}
            </div>
          )}
          {view.body.kind === "html" && view.body.blockedRemoteCount > 0 && !view.body.allowRemoteContent && (
            <div className="notice" role="status" data-testid="remote-blocked">
              Remote images are blocked to protect your privacy.{" "}
              <Link href={conversationUrl({ folder, uid: openedUid, images: "1" })} prefetch={false}>Show images</Link>
            </div>
          )}
          <MessageContent folder={folder} uid={entry.uid} view={view} />
        </>
      ) : (
        <p className="notice">
          This message is too large to display ({formatSize(entry.size)}). <a href={sourceUrl}>Download it</a> to read it.
        </p>
      )}
    </details>
  );
}
