import { redirect } from "next/navigation";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { errorText } from "@/app/i18n/error-text";
import { NoticeText } from "@/app/i18n/notice-text";
import { desktopNotifications } from "@/lib/live/live-settings";
import { requireMailSession } from "@/auth";
import { isPosternError } from "@/lib/http/errors";
import { readNotice } from "@/lib/http/signed-notice";
import { listFolders } from "@/lib/imap/list-folders";
import { localizeFolderNames } from "@/app/i18n/folder-names";
import { getQuota } from "@/lib/imap/get-quota";
import { listMessages } from "@/lib/imap/list-messages";
import { isSearch } from "@/lib/imap/list-query";
import { listThreads } from "@/lib/imap/list-threads";
import { messageAfter } from "@/lib/imap/warm-messages";
import { deliverInboxNotices, markOpeningsSeen } from "@/lib/read-links/opening-notices";
import { openingNoticeWords } from "@/app/i18n/opening-notice-words";
import { readLinkInboxNotice } from "@/lib/read-links/read-link-settings";
import { pageReceipts } from "@/lib/read-links/read-link-store";
import { fileNewInboxMailBeforeOpening, fileNewInboxMailForListing, listMessagesFilingSpam } from "@/lib/spam/file-new-mail";
import { logout } from "./actions";
import { FolderTree } from "./folder-tree";
import { NewsTree } from "./news-tree";
import { listSubscriptions } from "@/lib/news/subscriptions";
import { LiveUpdates } from "./live-updates";
import { MessageList } from "./message-list";
import { OpeningNotice } from "./opening-notice";
import { QuotaBar } from "./quota-bar";
import { readMailUrl } from "./search-params";
import { ThreadList } from "./thread-list";
import { isThreadView } from "./thread-url";
import { ViewToggle } from "./view-toggle";
import { mailUrl, paneKey } from "./mail-url";
import { FoldersDrawerClose, FoldersDrawerToggle } from "./folders-drawer";
import { CsrfField } from "./csrf-field";
import { accountIdentity } from "@/lib/accounts/account-identity";
import { listAccounts } from "@/lib/accounts/account-store";
import { settingKeysOf } from "@/lib/accounts/mailbox-owner";
import { AccountSwitcher } from "./account-switcher";
import { ACCOUNT_META } from "./mutation-headers";
import { requestSettings } from "./request-settings";
import { openMessageOrNotice, readingPane, PANE_SETTINGS, type PaneInput } from "./reading-pane";
import { MailAppFrame, ReadingPaneSwitch } from "./reading-pane-switch";

export const dynamic = "force-dynamic";

export default async function MailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const raw = await searchParams;
  // an added account's mailbox (issue 22): its own folders, list and reading; the links of the
  // page carry it in the list's URL state
  const { params, query, account: accountId, listParams } = readMailUrl(raw);
  const notice = readNotice(raw);
  const t = await getTranslations("mail");
  try {
    const other = accountId ? await accountIdentity(session, accountId) : null;
    const imap = other ?? session.imap;
    const threadView = isThreadView(raw);
    // New INBOX mail is judged before it shows, so spam is already in Junk when the page shows it.
    // The message list files by itself (listMessagesFilingSpam: only when its page 1 shows mail
    // newer than the filer's mark); the thread list cannot tell, so it files first, and so does a
    // message about to be opened that the filer has not judged yet (it must not open as in INBOX).
    let filedFirst = false;
    if (other) {
      // the spam filter and read-link notices work on the user's own mailbox only
    } else if (params.folder === "INBOX" && threadView) {
      await fileNewInboxMailForListing(session.imap, session.email);
      filedFirst = true;
    } else if (params.folder === "INBOX" && params.uid) {
      filedFirst = await fileNewInboxMailBeforeOpening(session.imap, session.email, params.uid);
    }
    // Open first: it marks the message read, and the list and counts should show that.
    const opened = params.uid ? await openMessageOrNotice(imap, params.folder, params.uid) : null;
    // Read-link openings since the last visit go into INBOX (setting) before INBOX is listed.
    if (!other) {
      const [[inboxNotice], locale, timeZone] = await Promise.all([requestSettings([session.email], [readLinkInboxNotice] as const), getLocale(), getTimeZone()]);
      await deliverInboxNotices(session.imap, session.email, { enabled: inboxNotice, say: openingNoticeWords(locale, timeZone) }).catch((e: unknown) => console.warn("[read-links]", e));
    }
    const openedId = typeof opened === "object" ? opened?.message?.messageId : null;
    const listOptions = { folder: params.folder, page: params.page, query };
    const listing = threadView ? null : filedFirst || other ? listMessages(imap, listOptions) : listMessagesFilingSpam(session.imap, session.email, listOptions);
    // A listing that may file new spam to Junk goes first, so that the folder counts show the move.
    const mayFile = listing !== null && params.folder === "INBOX" && !filedFirst && !other;
    const [serverFolders, page, threads, quota, [plainFirst, imageSenders, mdn, theme, notify], { unseen: openings, ofMessage: receipts }, newsGroups, accounts] = await Promise.all([
      mayFile ? listing.then(() => listFolders(imap)) : listFolders(imap),
      listing,
      threadView ? listThreads(imap, { folder: params.folder, page: params.page }) : null,
      getQuota(imap),
      // the account's preferences this page needs, in the request's one read of settings
      // (request-settings.ts); an added mailbox's own read-receipt choice, where it has one (issue 22)
      requestSettings(settingKeysOf(session, other ?? undefined), [...PANE_SETTINGS, desktopNotifications] as const),
      // openings not shown yet, and the opened message's receipts: one query
      pageReceipts(session.email, openedId && !other ? openedId : null),
      // newsgroups with the counts of the last news visit: no NNTP on the mail page
      listSubscriptions(session.email),
      listAccounts(session.email),
    ]);
    // Shown once, like any notice; Receipts keeps the details.
    if (openings.length) await markOpeningsSeen(session.email, openings.map((o) => o.id));
    const folders = await localizeFolderNames(serverFolders);
    const current = folders.find((f) => f.path === params.folder);
    const moveTargets = folders.filter((f) => f.selectable).map((f) => ({ path: f.path, name: f.name }));
    const specialUse = current?.specialUse ?? null;
    // changes with every render here: the unread counts on screen then start from the server's again
    const rendered = crypto.randomUUID();
    const paneInput: PaneInput = {
      session,
      other,
      account: accountId,
      params,
      listParams,
      page: page?.page ?? 1,
      specialUse,
      opened,
      settings: [plainFirst, imageSenders, mdn, theme],
      receipts,
      ahead: typeof opened === "object" && opened?.message && page ? messageAfter(page.messages.map((m) => m.uid), params.uid!) : null,
    };
    const pane = await readingPane(paneInput);
    return (
      <MailAppFrame>
        {other && <meta name={ACCOUNT_META} content={other.account!.id} />}
        <header className="topbar">
          <FoldersDrawerToggle />
          <span className="brand">Postern</span>
          <a href={`/mail/compose?${new URLSearchParams({ back: params.folder, ...(accountId ? { account: accountId } : {}) })}`} className="compose-button" data-testid="compose">
            {t("compose")}
          </a>
          <a href="/mail/receipts" className="topbar-link" data-testid="receipts-link">
            {t("receipts")}
            {openings.length > 0 && <span className="topbar-badge">{t("newCount", { count: openings.length })}</span>}
          </a>
          <a href="/mail/contacts" className="topbar-link" data-testid="contacts-link">
            {t("contacts")}
          </a>
          <a href="/mail/settings" className="topbar-link">
            {t("settings")}
          </a>
          {other && <span className="topbar-link" data-testid="current-account" translate="no">{other.label}</span>}
          <span className="account" data-testid="account" translate="no">{session.email}</span>
          <form action={logout}>
            <CsrfField />
            <button type="submit" className="link-button">{t("signOut")}</button>
          </form>
        </header>
        <div className="sidebar" id="folders">
          <FoldersDrawerClose />
          {accounts.length > 0 && <AccountSwitcher own={session.email} accounts={accounts} current={accountId} />}
          {!other && <ViewToggle folder={params.folder} threads={threadView} />}
          <FolderTree folders={folders} current={params.folder} account={accountId} rendered={rendered} />
          {!other && <NewsTree groups={newsGroups} />}
          {quota && <QuotaBar quota={quota} />}
        </div>
        {/* phones show the list or the message: this leads from the message back to the list */}
        <a href={mailUrl({ folder: params.folder, page: params.page, list: listParams })} className="phone-back phone-only" data-testid="back-to-list">
          ← <span translate="no">{current?.name ?? params.folder}</span>
        </a>
        {threads ? (
          <ThreadList page={threads} />
        ) : (
          <MessageList
            page={page!}
            listParams={listParams}
            moveTargets={moveTargets}
            inTrash={current?.specialUse === "\\Trash"}
            inJunk={current?.specialUse === "\\Junk"}
          />
        )}
        <LiveUpdates
          folder={params.folder}
          folderName={current?.name ?? params.folder}
          unseen={current?.unseen ?? 0}
          listedCount={page && !isSearch(query) ? page.total : null}
          notify={notify}
          rendered={rendered}
          account={accountId ?? undefined}
        />
        {notice ? (
          <p className={notice.kind === "error" ? "mail-notice error" : "mail-notice"} role={notice.kind === "error" ? "alert" : "status"} data-testid="mail-notice">
            <NoticeText text={notice.text} />
          </p>
        ) : (
          <OpeningNotice openings={openings} />
        )}
        <ReadingPaneSwitch
          initial={pane}
          initialKey={paneKey((name) => [raw[name]].flat()[0])}
          empty={params.uid ? await readingPane({ ...paneInput, opened: null }) : pane}
          specialUse={specialUse}
        />
      </MailAppFrame>
    );
  } catch (e) {
    // an added account whose password changed elsewhere must not sign the user out of their own
    if (isPosternError(e) && e.code === "INVALID_CREDENTIALS" && !accountId) redirect("/login?reason=expired");
    if (!isPosternError(e)) throw e;
    return (
      <div className="mail-error">
        <h1>Postern</h1>
        <p data-testid="mail-error">{await errorText(e)}</p>
        <p>
          {accountId ? (
            <>
              <a href="/mail">{t("backToYourMail")}</a> · <a href="/mail/accounts">{t("otherAccounts")}</a>
            </>
          ) : (
            <>
              <a href="/mail">{t("tryAgain")}</a> · <a href="/login">{t("signInAgain")}</a>
            </>
          )}
        </p>
      </div>
    );
  }
}
