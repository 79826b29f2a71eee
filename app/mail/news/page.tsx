import { redirect } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { errorText } from "@/app/i18n/error-text";
import { localizeFolderNames } from "@/app/i18n/folder-names";
import { NoticeText } from "@/app/i18n/notice-text";
import { requireMailSession } from "@/auth";
import { isPosternError, type PosternError } from "@/lib/http/errors";
import { readNotice } from "@/lib/http/signed-notice";
import { listIdentities } from "@/lib/identities/identity-store";
import { listFolders } from "@/lib/imap/list-folders";
import { buildMessageView } from "@/lib/mime/message-view";
import { preferPlainText, trustedImageSender, trustedImageSenders } from "@/lib/mime/reading-settings";
import { browseGroups } from "@/lib/news/browse-groups";
import { judgeArticle, spamFilterOn } from "@/lib/news/judge-article";
import { listArticles } from "@/lib/news/list-articles";
import { toNewsError } from "@/lib/news/news-error";
import { readArticle, type OpenedArticle } from "@/lib/news/read-article";
import { markRead, readRangesOf } from "@/lib/news/read-state";
import { refreshSubscriptions } from "@/lib/news/subscriptions";
import { withNews } from "@/lib/news/with-news";
import { getSettings } from "@/lib/settings/account-settings";
import { FolderTree } from "../folder-tree";
import { FoldersDrawerClose, FoldersDrawerToggle } from "../folders-drawer";
import { NewsTree } from "../news-tree";
import { ArticleList } from "./article-list";
import { ArticlePane } from "./article-pane";
import { GroupBrowser } from "./group-browser";
import { newsParamsSchema } from "./news-params";
import { newsUrl } from "./news-url";

export const dynamic = "force-dynamic";

/** Newsgroups beside mail (issue 24): subscribed groups under the folders, a group's articles
 * threaded newest first, an article read like a mail message. One NNTP connection per page. */
export default async function NewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const raw = await searchParams;
  const params = newsParamsSchema.parse(raw);
  const notice = readNotice(raw);
  const account = session.email;
  const t = await getTranslations("news");
  try {
    const [folders, news] = await Promise.all([
      listFolders(session.imap).then(localizeFolderNames),
      withNews(account, async (s) => {
        // Open first: marking it read (in every group of its Xref) shows in the list and counts.
        let opened: OpenedArticle | null = null;
        let openError: string | null = null;
        if (params.group && params.n) {
          try {
            opened = await readArticle(s, { group: params.group, number: params.n });
            await markRead(account, opened.marks);
          } catch (e) {
            const err = toNewsError(e);
            if (!isPosternError(err) || (err.code !== "NOT_FOUND" && err.code !== "MESSAGE_TOO_LARGE")) throw err;
            openError = await errorText(err);
          }
        }
        const page = params.group && !params.browse ? await listArticles(s, { group: params.group, before: params.before, readRanges: await readRangesOf(account, params.group) }) : null;
        const browse = params.browse ? await browseGroups(s, params.q ?? "") : null;
        const groups = await refreshSubscriptions(s, account);
        return { opened, openError, page, browse, groups };
      }),
    ]);
    const { opened, openError, page, browse, groups } = news;
    const subscribed = new Set(groups.map((g) => g.group));
    // read as mail is: the account's plain-text preference and trusted image senders, so an HTML
    // article shows in the sandboxed frame, its remote images through the image proxy once shown
    const [plainFirst, imageSenders] = await getSettings(account, [preferPlainText, trustedImageSenders] as const);
    const imagesAllowed = params.images === "1" || (opened !== null && trustedImageSender(opened.message.from, imageSenders) !== null);
    const view = opened ? buildMessageView(opened.message, { allowRemoteContent: imagesAllowed, preferPlainText: plainFirst }) : null;
    const ownAddresses = new Set([account, ...(await listIdentities(account)).map((i) => i.address)].map((a) => a.toLowerCase()));
    const own = Boolean(view?.from.some((a) => ownAddresses.has(a.address.toLowerCase())));
    const spamFilter = params.group && subscribed.has(params.group) ? await spamFilterOn(account, params.group) : false;
    const verdict = opened && spamFilter ? await judgeArticle(account, opened.raw) : null;
    return (
      <div className={params.n ? "mail-app has-message" : "mail-app"}>
        <header className="topbar">
          <FoldersDrawerToggle />
          <span className="brand">Postern</span>
          {params.group && (
            <a href={`/mail/news/compose?${new URLSearchParams({ group: params.group })}`} className="compose-button" data-testid="new-article">
              {t("newArticle")}
            </a>
          )}
          <a href="/mail" className="topbar-link">{t("mail")}</a>
          <a href="/mail/news/server" className="topbar-link">{t("server")}</a>
          <span className="account" data-testid="account" translate="no">{account}</span>
        </header>
        <div className="sidebar" id="folders">
          <FoldersDrawerClose />
          <FolderTree folders={folders} current="" />
          <NewsTree groups={groups} current={params.group} />
        </div>
        <a href={newsUrl({ group: params.group, before: params.before })} className="phone-back phone-only" data-testid="back-to-list">
          ← {params.group ? <span translate="no">{params.group}</span> : t("groups")}
        </a>
        {browse ? (
          <GroupBrowser groups={browse.groups} more={browse.more} search={params.q ?? ""} subscribed={subscribed} />
        ) : page ? (
          <ArticleList page={page} selected={params.n} subscribed={subscribed.has(page.group.name)} before={params.before} spamFilter={spamFilter} />
        ) : (
          <section className="message-list" aria-label={t("articles")}>
            <p className="notice">{t("choose")}</p>
          </section>
        )}
        {notice && (
          <p className={notice.kind === "error" ? "mail-notice error" : "mail-notice"} role={notice.kind === "error" ? "alert" : "status"} data-testid="mail-notice">
            <NoticeText text={notice.text} />
          </p>
        )}
        {opened && view ? (
          <ArticlePane article={opened} view={view} own={own} imagesAllowed={imagesAllowed} verdict={verdict} />
        ) : (
          <section className="message-view empty" aria-label={t("article")}>
            <p data-testid={openError ? "message-missing" : undefined}>{openError ?? t("select")}</p>
          </section>
        )}
      </div>
    );
  } catch (e) {
    if (isPosternError(e) && e.code === "INVALID_CREDENTIALS") redirect("/login?reason=expired");
    if (!isPosternError(e)) throw e;
    return <NewsError error={e} text={await errorText(e)} />;
  }
}

function NewsError({ error, text }: { error: PosternError; text: string }) {
  const t = useTranslations("news");
  return (
    <div className="mail-error" data-code={error.code}>
      <h1>Postern</h1>
      <p data-testid="mail-error">{text}</p>
      <p>
        <a href="/mail/news">{t("tryAgain")}</a> · <a href="/mail/news/server">{t("serverSettings")}</a> · <a href="/mail">{t("backToMail")}</a>
      </p>
    </div>
  );
}
