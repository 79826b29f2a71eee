/** URL of the news page: a group, an older page (`before`), an open article, the group browser. */
export function newsUrl(p: { group?: string; before?: number | null; n?: number; browse?: boolean; q?: string; images?: boolean } = {}): string {
  const q = new URLSearchParams();
  if (p.group) q.set("group", p.group);
  if (p.before) q.set("before", String(p.before));
  if (p.n) q.set("n", String(p.n));
  if (p.browse) q.set("browse", "1");
  if (p.q) q.set("q", p.q);
  if (p.images) q.set("images", "1");
  const s = q.toString();
  return s ? `/mail/news?${s}` : "/mail/news";
}
