import Link from "next/link";
import type { ArticlePage } from "@/lib/news/list-articles";
import { LocalDate } from "../local-date";
import { CsrfField } from "../csrf-field";
import { markAllRead, setGroupSpamFilter, subscribeGroup, unsubscribeGroup } from "./actions";
import { newsUrl } from "./news-url";

/** A page of a group's articles, threads newest first, replies indented under what they answer. */
export function ArticleList({ page, selected, subscribed, before, spamFilter = false }: { page: ArticlePage; selected?: number; subscribed: boolean; before?: number; spamFilter?: boolean }) {
  const group = page.group.name;
  return (
    <section className="message-list" aria-label="Articles">
      <div className="list-toolbar">
        <strong data-testid="news-group-name">{group}</strong>
        <span>{page.group.count} articles</span>
        <form action={subscribed ? unsubscribeGroup : subscribeGroup} className="inline-form">
          <CsrfField />
          <input type="hidden" name="group" value={group} />
          <button type="submit" className="text-button" data-testid={subscribed ? "unsubscribe" : "subscribe"}>
            {subscribed ? "Unsubscribe" : "Subscribe"}
          </button>
        </form>
        {subscribed && (
          <form action={markAllRead} className="inline-form">
            <CsrfField />
            <input type="hidden" name="group" value={group} />
            <input type="hidden" name="high" value={page.group.high} />
            <button type="submit" className="text-button">Mark all read</button>
          </form>
        )}
        {subscribed && (
          // opt-in per group: the filter learned from the reader's mail, which a group may not resemble
          <form action={setGroupSpamFilter} className="inline-form">
            <CsrfField />
            <input type="hidden" name="group" value={group} />
            <input type="hidden" name="on" value={spamFilter ? "0" : "1"} />
            <button type="submit" className="text-button" aria-pressed={spamFilter} data-testid="group-spam-filter" title="Let the spam filter judge the articles you open in this group">
              Spam filter: {spamFilter ? "on" : "off"}
            </button>
          </form>
        )}
      </div>
      <div className="list-toolbar pager">
        {before ? <Link href={newsUrl({ group })} prefetch={false}>Newest</Link> : <span>Newest first</span>}
        {page.nextBefore && (
          <Link href={newsUrl({ group, before: page.nextBefore })} prefetch={false} data-testid="older-articles">
            Older
          </Link>
        )}
      </div>
      {page.malformed > 0 && (
        <p className="list-error" role="status">
          The news server sent {page.malformed} overview {page.malformed === 1 ? "line" : "lines"} that could not be read; {page.malformed === 1 ? "that article is" : "those articles are"} not listed.
        </p>
      )}
      {page.rows.length === 0 && <p className="notice">No articles here.</p>}
      <ul className="rows">
        {page.rows.map((r) => (
          <li key={r.number} className={`row${r.read ? "" : " unread"}${r.number === selected ? " selected" : ""}`} data-testid="article-row" data-depth={r.depth}>
            <Link href={newsUrl({ group, before, n: r.number })} prefetch={false} style={{ paddingLeft: `${0.25 + Math.min(r.depth, 8) * 0.9}rem` }}>
              <span className="flags" />
              <span className="from">{r.from || "(unknown)"}</span>
              <span className="subject">{r.subject || "(no subject)"}</span>
              <span className="date">{r.date !== null && <LocalDate iso={new Date(r.date).toISOString()} />}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
