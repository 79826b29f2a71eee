/** URL of the mail page listing a folder's conversations: page.tsx shows ThreadList for `view=threads`. */
export function threadListUrl(p: { folder: string; page?: number }): string {
  const q = new URLSearchParams({ folder: p.folder, view: "threads" });
  if (p.page && p.page > 1) q.set("page", String(p.page));
  return `/mail?${q}`;
}

/** URL of the conversation reader for the thread holding message `uid`. */
export function conversationUrl(p: { folder: string; uid: number; images?: "1" }): string {
  const q = new URLSearchParams({ folder: p.folder, uid: String(p.uid) });
  if (p.images) q.set("images", "1");
  return `/mail/conversation?${q}`;
}

/** Whether the mail page's search parameters ask for the conversation list. */
export function isThreadView(searchParams: Record<string, string | string[] | undefined>): boolean {
  return searchParams.view === "threads";
}
