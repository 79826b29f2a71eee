/** URL of the mail page for a folder, page and open message (shared by server and client code).
 * `list` carries the sort and search parameters of the list (see lib/imap/list-query.ts). */
export function mailUrl(p: { folder: string; page?: number; uid?: number; images?: "1"; colors?: "original"; list?: Record<string, string> }): string {
  const q = new URLSearchParams({ folder: p.folder, ...p.list });
  if (p.page && p.page > 1) q.set("page", String(p.page));
  if (p.uid) q.set("uid", String(p.uid));
  if (p.images) q.set("images", "1");
  if (p.colors) q.set("colors", p.colors);
  return `/mail?${q}`;
}

/** What the reading pane shows for a URL, from its query parameters as written: the page
 * (app/mail/page.tsx) and the browser (reading-pane-switch.tsx) read the same strings the same
 * way, so the pane rendered with the page is used while the URL still names it. */
export function paneKey(param: (name: string) => string | null | undefined): string {
  return ["folder", "uid", "images", "colors", "account"].map((name) => param(name) ?? "").join("\n");
}
