import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ThreadPage } from "@/lib/imap/list-threads";
import type { ThreadSummary } from "@/lib/imap/thread-summary";
import { displayName } from "./format";
import { PaperclipIcon, StarIcon } from "./icons";
import { LocalDate } from "./local-date";
import { Pager } from "./pager";
import styles from "./thread-list.module.css";
import { conversationUrl, threadListUrl } from "./thread-url";

/** "Bob Martin" for one sender; first names for several, as Gmail does ("Bob, Carol, Dave"). */
function participantsLabel(t: ThreadSummary, unknown: string): string {
  if (t.participants.length <= 1) return displayName(t.participants[0] ?? null) ?? unknown;
  const names = t.participants.map((p) => (displayName(p) ?? unknown).split(/[\s@]/)[0]);
  return names.length > 3 ? `${names.slice(0, 2).join(", ")} … ${names[names.length - 1]}` : names.join(", ");
}

/** A folder's conversations, newest first; each row opens the conversation reader. Works without JS. */
export function ThreadList({ page }: { page: ThreadPage }) {
  const tr = useTranslations("threads");
  const tl = useTranslations("list");
  const first = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  return (
    <section className="message-list" aria-label={tr("conversations")}>
      <div className="list-toolbar">
        <span data-testid="thread-range">{page.total === 0 ? tr("none") : tr("range", { first, last, total: page.total })}</span>
        <Pager
          page={page.page}
          pageCount={page.pageCount}
          href={(n) => threadListUrl({ folder: page.folder, page: n })}
          noun="conversations"
          indicatorTestId="thread-page-indicator"
        />
      </div>
      <ul className="rows">
        {page.threads.map((t) => (
          <li key={t.uid} className={t.unread ? "row unread" : "row"} data-uid={t.uid}>
            <Link href={conversationUrl({ folder: page.folder, uid: t.uid })} prefetch={false} data-testid="thread-row">
              <span className="flags">
                {t.flagged && (
                  <span className="flag" title={tr("starred")}>
                    <StarIcon />
                  </span>
                )}
                {t.hasAttachments && (
                  <span className="clip" title={tl("hasAttachments")}>
                    <PaperclipIcon />
                  </span>
                )}
              </span>
              <span className="from">
                <span translate="no">{participantsLabel(t, tl("unknownSender"))}</span>
                {t.count > 1 && (
                  <span className={styles.count} data-testid="thread-count" title={tr("messageCount", { count: t.count })}>
                    {t.count}
                  </span>
                )}
              </span>
              <span className="subject" translate={t.subject ? "no" : undefined}>{t.subject || tl("noSubject")}</span>
              <span className="date">
                <LocalDate iso={t.date} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
