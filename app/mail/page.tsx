import { redirect } from "next/navigation";
import { preferPlainText } from "@/lib/mime/reading-settings";
import { getSetting } from "@/lib/settings/account-settings";
import { requireMailSession } from "@/auth";
import { isPosternError } from "@/lib/http/errors";
import { readNotice } from "@/lib/http/signed-notice";
import { listFolders } from "@/lib/imap/list-folders";
import { getQuota } from "@/lib/imap/get-quota";
import { listMessages } from "@/lib/imap/list-messages";
import { listQueryParams, listQuerySchema } from "@/lib/imap/list-query";
import { listThreads } from "@/lib/imap/list-threads";
import { openMessage, type OpenedMessage } from "@/lib/imap/open-message";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { buildMessageView } from "@/lib/mime/message-view";
import { fileNewInboxMailQuietly } from "@/lib/spam/file-new-mail";
import { logout } from "./actions";
import { FolderTree } from "./folder-tree";
import { MessageList } from "./message-list";
import { MessageViewPane } from "./message-view";
import { QuotaBar } from "./quota-bar";
import { mailParamsSchema } from "./search-params";
import { ThreadList } from "./thread-list";
import { isThreadView } from "./thread-url";
import { ViewToggle } from "./view-toggle";

export const dynamic = "force-dynamic";

export default async function MailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const raw = await searchParams;
  const params = mailParamsSchema.parse(raw);
  const query = listQuerySchema.parse(raw);
  const listParams = listQueryParams(query);
  const imagesAllowed = params.images === "1";
  const notice = readNotice(raw);
  try {
    // New INBOX mail is judged before INBOX is listed, so spam is already in Junk when it shows.
    if (params.folder === "INBOX") await fileNewInboxMailQuietly(session.imap, session.email);
    // Open first: it marks the message read, and the list and counts should show that.
    const opened = params.uid ? await openMessageOrNotice(session.imap, params.folder, params.uid) : null;
    const threadView = isThreadView(raw);
    const [folders, page, threads, quota, plainFirst] = await Promise.all([
      listFolders(session.imap),
      threadView ? null : listMessages(session.imap, { folder: params.folder, page: params.page, query }),
      threadView ? listThreads(session.imap, { folder: params.folder, page: params.page }) : null,
      getQuota(session.imap),
      getSetting(session.email, preferPlainText),
    ]);
    const current = folders.find((f) => f.path === params.folder);
    const moveTargets = folders.filter((f) => f.selectable).map((f) => ({ path: f.path, name: f.name }));
    const view = typeof opened === "object" && opened?.message ? buildMessageView(opened.message, { allowRemoteContent: imagesAllowed, preferPlainText: plainFirst }) : null;
    return (
      <div className="mail-app">
        <header className="topbar">
          <span className="brand">Postern</span>
          <a href={`/mail/compose?${new URLSearchParams({ back: params.folder })}`} className="compose-button" data-testid="compose">
            Compose
          </a>
          <a href="/mail/settings" className="topbar-link">
            Settings
          </a>
          <span className="account" data-testid="account">{session.email}</span>
          <form action={logout}>
            <button type="submit" className="link-button">Sign out</button>
          </form>
        </header>
        <div className="sidebar">
          <ViewToggle folder={params.folder} threads={threadView} />
          <FolderTree folders={folders} current={params.folder} />
          {quota && <QuotaBar quota={quota} />}
        </div>
        {threads ? (
          <ThreadList page={threads} />
        ) : (
          <MessageList
            page={page!}
            listParams={listParams}
            selectedUid={params.uid}
            moveTargets={moveTargets}
            inTrash={current?.specialUse === "\\Trash"}
            inJunk={current?.specialUse === "\\Junk"}
          />
        )}
        {notice && (
          <p className={notice.kind === "error" ? "mail-notice error" : "mail-notice"} role={notice.kind === "error" ? "alert" : "status"} data-testid="mail-notice">
            {notice.text}
          </p>
        )}
        {typeof opened === "string" ? (
          <section className="message-view empty" aria-label="Message">
            <p data-testid="message-missing">{opened}</p>
          </section>
        ) : opened ? (
          <MessageViewPane
            folder={params.folder}
            listParams={listParams}
            uid={opened.uid}
            page={page?.page ?? 1}
            imagesAllowed={imagesAllowed}
            size={opened.size}
            flagged={opened.flagged}
            inTrash={current?.specialUse === "\\Trash"}
            inDrafts={current?.specialUse === "\\Drafts"}
            inJunk={current?.specialUse === "\\Junk"}
            view={view}
          />
        ) : (
          <section className="message-view empty" aria-label="Message">
            <p>Select a message to read it.</p>
          </section>
        )}
      </div>
    );
  } catch (e) {
    if (isPosternError(e) && e.code === "INVALID_CREDENTIALS") redirect("/login?reason=expired");
    if (!isPosternError(e)) throw e;
    return (
      <div className="mail-error">
        <h1>Postern</h1>
        <p data-testid="mail-error">{e.message}</p>
        <p>
          <a href="/mail">Try again</a> · <a href="/login">Sign in again</a>
        </p>
      </div>
    );
  }
}

/** A message that vanished (moved or deleted elsewhere) is a notice in the pane, not an error page. */
async function openMessageOrNotice(imap: ImapIdentity, folder: string, uid: number): Promise<OpenedMessage | string> {
  try {
    return await openMessage(imap, { folder, uid });
  } catch (e) {
    if (isPosternError(e) && e.code === "NOT_FOUND") return e.message;
    throw e;
  }
}
