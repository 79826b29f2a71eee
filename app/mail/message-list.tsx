import Link from "next/link";
import type { MessagePage } from "@/lib/imap/list-messages";
import { displayName, formatSize } from "./format";
import { PaperclipIcon, StarIcon } from "./icons";
import { LocalDate } from "./local-date";
import { mailUrl } from "./search-params";

export function MessageList({ page, selectedUid }: { page: MessagePage; selectedUid?: number }) {
  const first = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  return (
    <section className="message-list" aria-label="Messages">
      <div className="list-toolbar">
        <span data-testid="list-range">
          {page.total === 0 ? "No messages" : `${first}–${last} of ${page.total}`}
        </span>
        <span className="pager">
          {page.page > 1 ? (
            <Link href={mailUrl({ folder: page.folder, page: page.page - 1 })} prefetch={false} aria-label="Newer messages">
              ‹ Newer
            </Link>
          ) : (
            <span className="disabled">‹ Newer</span>
          )}
          <span data-testid="page-indicator">
            Page {page.page} of {page.pageCount}
          </span>
          {page.page < page.pageCount ? (
            <Link href={mailUrl({ folder: page.folder, page: page.page + 1 })} prefetch={false} aria-label="Older messages">
              Older ›
            </Link>
          ) : (
            <span className="disabled">Older ›</span>
          )}
        </span>
      </div>
      <ul className="rows">
        {page.messages.map((m) => (
          <li key={m.uid} className={["row", m.seen ? "" : "unread", m.uid === selectedUid ? "selected" : ""].join(" ")}>
            <Link
              href={mailUrl({ folder: page.folder, page: page.page, uid: m.uid })}
              prefetch={false}
              data-testid="message-row"
              aria-label={`${m.seen ? "" : "Unread, "}${m.flagged ? "Flagged, " : ""}${m.hasAttachments ? "with attachments, " : ""}from ${displayName(m.from)}, ${m.subject || "(no subject)"}`}
            >
              <span className="flags">
                {m.flagged ? (
                  <span className="flag" title="Flagged">
                    <StarIcon />
                  </span>
                ) : null}
                {m.hasAttachments ? (
                  <span className="clip" title="Has attachments">
                    <PaperclipIcon />
                  </span>
                ) : null}
              </span>
              <span className="from">{displayName(m.from)}</span>
              <span className="subject">{m.subject || "(no subject)"}</span>
              <span className="date">
                <LocalDate iso={m.date} />
              </span>
              <span className="size">{formatSize(m.size)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
