import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireMailSession } from "@/auth";
import { mailboxSources } from "@/lib/accounts/mailbox-sources";
import { listUnifiedInbox } from "@/lib/imap/list-unified-inbox";
import { ALL_ACCOUNTS_PARAM } from "../search/search-scope";
import { AccountSwitcher } from "../account-switcher";
import { FoldersDrawerClose, FoldersDrawerToggle } from "../folders-drawer";
import { displayName, formatSize } from "../format";
import { LocalDate } from "../local-date";
import { mailUrl } from "../mail-url";
import { Pager } from "../pager";

export const dynamic = "force-dynamic";

const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

/** All inboxes (issue 22): the newest messages of the user's own INBOX and of every added
 * account's, in one list, each row marked with its account and opening in that account's view. */
export default async function UnifiedInboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const locale = await getLocale();
  const [t, tl, ts] = await Promise.all([getTranslations("unified"), getTranslations("list"), getTranslations("search")]);
  const page = pageParam.parse((await searchParams).page);
  const sources = await mailboxSources(session, session.imap);
  const others = sources.slice(1);
  const unified = await listUnifiedInbox(sources, { page });
  const first = (unified.page - 1) * unified.pageSize + 1;
  return (
    <div className="mail-app">
      <header className="topbar">
        <FoldersDrawerToggle />
        <span className="brand">Postern</span>
        <form className="search-bar" role="search" method="get" action="/mail/search">
          <input type="hidden" name={ALL_ACCOUNTS_PARAM} value="all" />
          <input type="search" name="q" placeholder={t("searchPlaceholder")} aria-label={t("search")} data-testid="unified-search" />
          <button type="submit">{ts("submit")}</button>
        </form>
        <a href="/mail/settings" className="topbar-link">{t("settings")}</a>
        <span className="account" data-testid="account" translate="no">{session.email}</span>
      </header>
      <div className="sidebar" id="folders">
        <FoldersDrawerClose />
        <AccountSwitcher own={session.email} accounts={others.map((o) => ({ id: o.key!, label: o.label }))} current="unified" />
      </div>
      <section className="message-list" aria-label={t("title")}>
        <div className="list-toolbar">
          <span data-testid="list-range">
            {unified.total === 0 ? tl("none") : t("range", { first, last: first + unified.messages.length - 1, total: unified.total })}
          </span>
          <Pager page={unified.page} pageCount={unified.pageCount} href={(n) => `/mail/unified?page=${n}`} noun="messages" indicatorTestId="page-indicator" />
        </div>
        {unified.failed.map((f) => (
          <p key={f.source} className="list-error" role="alert" data-testid="unified-failed">
            <span translate="no">{sources[f.source].label}</span>: {f.message}
          </p>
        ))}
        <ul className="rows">
          {unified.messages.map((m) => {
            const source = sources[m.source];
            return (
              <li key={`${m.source}:${m.uid}`} className={m.seen ? "row" : "row unread"} data-uid={m.uid}>
                <a href={mailUrl({ folder: "INBOX", uid: m.uid, list: source.key ? { account: source.key } : undefined })} data-testid="message-row">
                  <span className="flags" />
                  <span className="from">
                    <span className="row-account" data-testid="row-account" translate="no">{source.label}</span> <span translate="no">{displayName(m.from) ?? tl("unknownSender")}</span>
                  </span>
                  {m.subject ? <span className="subject" translate="no">{m.subject}</span> : <span className="subject">{tl("noSubject")}</span>}
                  <span className="date">
                    <LocalDate iso={m.date} />
                  </span>
                  <span className="size">{formatSize(m.size, locale)}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
