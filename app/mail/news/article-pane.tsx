import Link from "next/link";
import { useTranslations } from "next-intl";
import { ProblemList } from "@/app/i18n/problem-text";
import type { MessageView } from "@/lib/mime/message-view";
import type { ArticleVerdict } from "@/lib/news/judge-article";
import type { OpenedArticle } from "@/lib/news/read-article";
import { CsrfField } from "../csrf-field";
import { HeaderLines } from "../header-lines";
import { MessageContent, type PartHref } from "../message-content";
import { cancelOwnArticle, markArticleUnread } from "./actions";
import { newsUrl } from "./news-url";

/** Where an article's parts are served, by group and number: the frame of its HTML body, and its
 * files (a part, or a file inside one by `member`) from one route. */
function articleHref(group: string, n: number): PartHref {
  return (kind, part, extra = {}) => {
    const q = new URLSearchParams({ group, n: String(n), ...(part ? { part } : {}) });
    if (kind !== "html" && extra.member) q.set("member", extra.member);
    if (kind !== "html" && extra.name) q.set("name", extra.name);
    return `/api/news/${kind === "html" ? "html" : "part"}?${q}`;
  };
}

/** An open article: the same header lines, phishing warnings and body as a mail message, with the
 * news actions (follow up, reply by mail, cancel one's own, mark unread). */
export function ArticlePane({
  article,
  view,
  own,
  imagesAllowed,
  verdict = null,
}: {
  article: OpenedArticle;
  view: MessageView;
  own: boolean;
  imagesAllowed: boolean;
  /** Set when the group's spam filter is on. */
  verdict?: ArticleVerdict | null;
}) {
  const t = useTranslations("news");
  const { group, number } = article;
  const author = view.replyTo[0]?.address || view.from[0]?.address;
  return (
    <article className="message-view" aria-label={t("article")}>
      <header className="message-header">
        {view.subject ? <h2 data-testid="message-subject" translate="no">{view.subject}</h2> : <h2 data-testid="message-subject">{t("noSubject")}</h2>}
        <HeaderLines view={view} fields={["from"]} />
        <dl>
          <div className="header-line">
            <dt>{t("groups")}</dt>
            <dd data-testid="article-newsgroups" translate="no">{article.newsgroups.join(", ")}</dd>
          </div>
          {article.followupTo.length > 0 && (
            <div className="header-line">
              <dt>{t("followupTo")}</dt>
              <dd translate="no">{article.followupTo.join(", ")}</dd>
            </div>
          )}
        </dl>
        <div className="message-tools">
          <Link href={`/mail/news/compose?${new URLSearchParams({ group, n: String(number) })}`} prefetch={false} data-testid="follow-up">
            {t("followUp")}
          </Link>
          {author && (
            <a href={`/mail/compose?${new URLSearchParams({ newsgroup: group, article: String(number) })}`} data-testid="reply-by-mail">
              {t("replyByMail")}
            </a>
          )}
          <form action={markArticleUnread} className="inline-form">
            <CsrfField />
            <input type="hidden" name="group" value={group} />
            <input type="hidden" name="n" value={number} />
            <button type="submit" className="text-button">{t("markUnread")}</button>
          </form>
          {own && article.messageId && (
            <form action={cancelOwnArticle} className="inline-form">
              <CsrfField />
              <input type="hidden" name="group" value={group} />
              <input type="hidden" name="messageId" value={article.messageId} />
              <button type="submit" className="text-button" data-testid="cancel-article">{t("cancelArticle")}</button>
            </form>
          )}
        </div>
      </header>
      {verdict && (verdict.isSpam || verdict.unsure) && (
        <div className="notice warning" role="status" data-testid="article-spam-verdict">
          {t(verdict.isSpam ? "judgedSpam" : "judgedMaybeSpam", { score: verdict.score })}
        </div>
      )}
      {view.problems.length > 0 && (
        <div className="notice warning" role="status">
          <strong>{t("unreadableParts")}</strong> <ProblemList problems={view.problems} />
        </div>
      )}
      {view.body.kind === "html" && view.body.blockedRemoteCount > 0 && !imagesAllowed && (
        <div className="notice" role="status" data-testid="remote-blocked">
          {t("remoteBlocked")}{" "}
          <Link href={newsUrl({ group, n: number, images: true })} prefetch={false}>{t("showImages")}</Link>
        </div>
      )}
      <MessageContent folder="" uid={0} view={view} href={articleHref(group, number)} />
    </article>
  );
}
