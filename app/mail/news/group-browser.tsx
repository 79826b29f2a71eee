import Link from "next/link";
import { useTranslations } from "next-intl";
import type { AvailableGroup } from "@/lib/news/browse-groups";
import { CsrfField } from "../csrf-field";
import { subscribeGroup } from "./actions";
import { newsUrl } from "./news-url";

/** The server's groups matching a search, each with its description and a Subscribe button. */
export function GroupBrowser({ groups, more, search, subscribed }: { groups: AvailableGroup[]; more: boolean; search: string; subscribed: Set<string> }) {
  const t = useTranslations("news");
  return (
    <section className="message-list" aria-label={t("onServer")}>
      <form className="search-bar" method="get" action="/mail/news" role="search">
        <input type="hidden" name="browse" value="1" />
        <input type="search" name="q" defaultValue={search} placeholder={t("searchGroups")} aria-label={t("searchGroups")} data-testid="group-search" />
        <button type="submit">{t("search")}</button>
      </form>
      {more && <p className="notice">{t("onlyFirst", { count: groups.length })}</p>}
      {groups.length === 0 && <p className="notice">{t("noMatch")}</p>}
      <ul className="rows">
        {groups.map((g) => (
          <li key={g.name} className="row" data-testid="group-row" style={{ padding: "0.5rem 0.75rem", display: "block" }}>
            <div style={{ display: "flex", gap: "0.5rem", alignItems: "baseline" }}>
              <Link href={newsUrl({ group: g.name })} prefetch={false} style={{ display: "inline", padding: 0 }} translate="no">
                {g.name}
              </Link>
              <span className="muted">{t("articleCount", { count: g.count })}{g.posting ? "" : ` · ${t("readOnly")}`}</span>
              {subscribed.has(g.name) ? (
                <span className="muted">{t("subscribed")}</span>
              ) : (
                <form action={subscribeGroup} className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="group" value={g.name} />
                  <input type="hidden" name="back" value="browse" />
                  <button type="submit" className="text-button" aria-label={t("subscribeTo", { group: g.name })}>
                    {t("subscribe")}
                  </button>
                </form>
              )}
            </div>
            {g.description && <div className="muted" data-testid="group-description" translate="no">{g.description}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
