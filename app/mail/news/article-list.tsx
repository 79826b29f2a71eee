import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ArticlePage } from "@/lib/news/list-articles";
import { LocalDate } from "../local-date";
import { CsrfField } from "../csrf-field";
import { markAllRead, setGroupSpamFilter, subscribeGroup, unsubscribeGroup } from "./actions";
import { newsUrl } from "./news-url";

/** A page of a group's articles, threads newest first, replies indented under what they answer. */
export function ArticleList({ page, selected, subscribed, before, spamFilter = false }: { page: ArticlePage; selected?: number; subscribed: boolean; before?: number; spamFilter?: boolean }) {
  const t = useTranslations("news");
  const group = page.group.name;
  return (
    <section className="message-list" aria-label={t("articles")}>
      <div className="list-toolbar">
        <strong data-testid="news-group-name" translate="no">{group}</strong>
        <span>{t("articleCount", { count: page.group.count })}</span>
        <form action={subscribed ? unsubscribeGroup : subscribeGroup} className="inline-form">
          <CsrfField />
          <input type="hidden" name="group" value={group} />
          <button type="submit" className="text-button" data-testid={subscribed ? "unsubscribe" : "subscribe"}>
            {subscribed ? t("unsubscribe") : t("subscribe")}
          </button>
        </form>
        {subscribed && (
          <form action={markAllRead} className="inline-form">
            <CsrfField />
            <input type="hidden" name="group" value={group} />
            <input type="hidden" name="high" value={page.group.high} />
            <button type="submit" className="text-button">{t("markAllRead")}</button>
          </form>
        )}
        {subscribed && (
          // opt-in per group: the filter learned from the reader's mail, which a group may not resemble
          <form action={setGroupSpamFilter} className="inline-form">
            <CsrfField />
            <input type="hidden" name="group" value={group} />
            <input type="hidden" name="on" value={spamFilter ? "0" : "1"} />
            <button type="submit" className="text-button" aria-pressed={spamFilter} data-testid="group-spam-filter" title={t("spamFilterHint")}>
              {spamFilter ? t("spamFilterOn") : t("spamFilterOff")}
            </button>
          </form>
        )}
      </div>
      <div className="list-toolbar pager">
        {before ? <Link href={newsUrl({ group })} prefetch={false}>{t("newest")}</Link> : <span>{t("newestFirst")}</span>}
        {page.nextBefore && (
          <Link href={newsUrl({ group, before: page.nextBefore })} prefetch={false} data-testid="older-articles">
            {t("older")}
          </Link>
        )}
      </div>
      {page.malformed > 0 && (
        <p className="list-error" role="status">
          {t("malformed", { count: page.malformed })}
        </p>
      )}
      {page.rows.length === 0 && <p className="notice">{t("noArticles")}</p>}
      <ul className="rows">
        {page.rows.map((r) => (
          <li key={r.number} className={`row${r.read ? "" : " unread"}${r.number === selected ? " selected" : ""}`} data-testid="article-row" data-depth={r.depth}>
            <Link href={newsUrl({ group, before, n: r.number })} prefetch={false} style={{ paddingLeft: `${0.25 + Math.min(r.depth, 8) * 0.9}rem` }}>
              <span className="flags" />
              {r.from ? <span className="from" translate="no">{r.from}</span> : <span className="from">{t("unknownFrom")}</span>}
              {r.subject ? <span className="subject" translate="no">{r.subject}</span> : <span className="subject">{t("noSubject")}</span>}
              <span className="date">{r.date !== null && <LocalDate iso={new Date(r.date).toISOString()} />}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
