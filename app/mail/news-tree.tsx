import Link from "next/link";
import { useTranslations } from "next-intl";
import type { GroupSummary } from "@/lib/news/subscriptions";
import { newsUrl } from "./news/news-url";

/** Subscribed newsgroups under the folder tree, with their unread counts. */
export function NewsTree({ groups, current }: { groups: GroupSummary[]; current?: string | null }) {
  const t = useTranslations("newsTree");
  return (
    <nav className="folders news-tree" aria-label={t("label")} data-testid="news-tree" style={{ flex: "none", borderTop: "1px solid var(--border)" }}>
      <div className="folder" style={{ color: "var(--muted)", fontSize: "0.8rem", textTransform: "uppercase" }}>{t("label")}</div>
      <ul>
        {groups.map((g) => (
          <li key={g.group}>
            <Link
              href={newsUrl({ group: g.group })}
              prefetch={false}
              className={g.group === current ? "folder active" : "folder"}
              aria-current={g.group === current ? "page" : undefined}
              data-testid="news-group-link"
              title={g.missing ? t("missing") : undefined}
            >
              <span className="folder-name" translate="no">{g.group}</span>
              {g.unread > 0 && (
                <span className="unread-count" aria-label={t("unread", { count: g.unread })}>
                  {g.unread}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      <Link href={newsUrl({ browse: true })} prefetch={false} className="folder" style={{ color: "var(--muted)" }} data-testid="browse-newsgroups">
        {t("browse")}
      </Link>
    </nav>
  );
}
