import Link from "next/link";
import type { GroupSummary } from "@/lib/news/subscriptions";
import { newsUrl } from "./news/news-url";

/** Subscribed newsgroups under the folder tree, with their unread counts. */
export function NewsTree({ groups, current }: { groups: GroupSummary[]; current?: string | null }) {
  return (
    <nav className="folders news-tree" aria-label="Newsgroups" data-testid="news-tree" style={{ flex: "none", borderTop: "1px solid var(--border)" }}>
      <div className="folder" style={{ color: "var(--muted)", fontSize: "0.8rem", textTransform: "uppercase" }}>Newsgroups</div>
      <ul>
        {groups.map((g) => (
          <li key={g.group}>
            <Link
              href={newsUrl({ group: g.group })}
              prefetch={false}
              className={g.group === current ? "folder active" : "folder"}
              aria-current={g.group === current ? "page" : undefined}
              data-testid="news-group-link"
              title={g.missing ? "The news server no longer has this group" : undefined}
            >
              <span className="folder-name">{g.group}</span>
              {g.unread > 0 && (
                <span className="unread-count" aria-label={`${g.unread} unread`}>
                  {g.unread}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      <Link href={newsUrl({ browse: true })} prefetch={false} className="folder" style={{ color: "var(--muted)" }} data-testid="browse-newsgroups">
        Browse newsgroups
      </Link>
    </nav>
  );
}
