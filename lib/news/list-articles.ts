import { NEWS_PAGE_SIZE } from "@/lib/limits";
import { selectGroup, type GroupStatus } from "@/lib/nntp/commands/group";
import { fetchOverview } from "@/lib/nntp/commands/over";
import type { NewsSession } from "@/lib/nntp/open-news-session";
import type { OverviewRow } from "@/lib/nntp/parse-overview";
import { threadMessages, type ThreadNode } from "@/lib/threads/jwz";
import { isRead, type Range } from "./read-ranges";

export type ArticleRow = Omit<OverviewRow, "references" | "xref"> & { read: boolean; depth: number; references: string[] };

export type ArticlePage = {
  group: GroupStatus;
  /** Newest thread first; each thread's articles in reply order with their depth. */
  rows: ArticleRow[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
  /** Overview lines the server sent that could not be read (shown as a note, not hidden). */
  malformed: number;
};

/** OVER ranges asked per page at most: a group with long gaps (expired articles) shows a shorter
 * page rather than walking the whole group. */
const MAX_RANGE_REQUESTS = 4;

/**
 * A page of a group, newest first, from OVER over article-number ranges below `before`: the cost
 * is the page, not the group (a 10,000-article group costs what a 50-article one does).
 */
export async function listArticles(session: NewsSession, opts: { group: string; before?: number | null; readRanges: readonly Range[] }): Promise<ArticlePage> {
  const group = await selectGroup(session.connection, opts.group);
  const found: OverviewRow[] = [];
  let malformed = 0;
  let high = Math.min(group.high, (opts.before ?? Infinity) - 1);
  for (let i = 0; i < MAX_RANGE_REQUESTS && found.length < NEWS_PAGE_SIZE && high >= group.low && group.count > 0; i++) {
    const low = Math.max(group.low, high - (NEWS_PAGE_SIZE - found.length) + 1);
    const r = await fetchOverview(session.connection, { low, high, format: session.overviewFormat, useXover: !session.hasOver });
    found.push(...r.rows);
    malformed += r.malformed;
    high = low - 1;
  }
  const rows = threadRows(found, opts.readRanges);
  return { group, rows, nextBefore: high >= group.low && group.count > 0 ? high + 1 : null, malformed };
}

/** Threads a page by References (jwz, as the conversation view does) and flattens it, threads
 * with the newest article first. */
export function threadRows(rows: readonly OverviewRow[], readRanges: readonly Range[]): ArticleRow[] {
  const threads = threadMessages(rows.map((r) => ({ ...r, id: r.number, inReplyTo: null })));
  const latest = (node: ThreadNode<OverviewRow>): number => {
    let max = node.message?.number ?? 0;
    for (const c of node.children) max = Math.max(max, latest(c));
    return max;
  };
  const ordered = threads.map((t) => ({ t, latest: latest(t) })).sort((a, b) => b.latest - a.latest);
  const out: ArticleRow[] = [];
  for (const { t } of ordered) {
    const stack: { node: ThreadNode<OverviewRow>; depth: number }[] = [{ node: t, depth: 0 }];
    while (stack.length) {
      const { node, depth } = stack.pop()!;
      const m = node.message;
      if (m) out.push({ number: m.number, subject: m.subject, from: m.from, date: m.date, messageId: m.messageId, references: m.references, bytes: m.bytes, lines: m.lines, read: isRead(readRanges, m.number), depth });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], depth: m ? depth + 1 : depth });
    }
  }
  return out;
}
