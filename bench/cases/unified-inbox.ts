import { listMessages } from "@/lib/imap/list-messages";
import { listUnifiedInbox, type InboxSource } from "@/lib/imap/list-unified-inbox";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { BIG_FOLDER, MEDIUM_FOLDER, SMALL_FOLDER } from "../config";
import { row, type Row } from "../report-types";
import { interleave } from "../stats";

/**
 * Case 9 (issue 22): page 1 of the unified inbox over three mailboxes of 100k, 10k and 1k
 * messages, against page 1 of one of them (the 100k one), both at library level as the pages
 * call them. The three mailboxes are three folders of the load account, each on its own pooled
 * connection as three accounts would be; the lab has one big account, and a server per account
 * would only add the same network hop to both sides.
 */
export async function unifiedInbox(ctx: { sources: [ImapIdentity, ImapIdentity, ImapIdentity]; single: ImapIdentity }): Promise<Row[]> {
  const folders = [BIG_FOLDER, MEDIUM_FOLDER, SMALL_FOLDER];
  const sources: InboxSource[] = ctx.sources.map((identity, i) => ({ key: String(i), label: folders[i].path, identity, folder: folders[i].path }));
  const r = await interleave(
    [
      { name: "unified", run: () => listUnifiedInbox(sources, { page: 1 }) },
      { name: "single", run: () => listMessages(ctx.single, { folder: BIG_FOLDER.path, page: 1 }) },
    ],
    { warmup: 10, iterations: 100 },
  );
  const deep = await interleave([{ name: "unified", run: () => listUnifiedInbox(sources, { page: 20 }) }], { warmup: 3, iterations: 30 });
  return [
    row({
      id: "9a",
      name: "unified inbox page 1, 3 mailboxes (100k, 10k, 1k), p50",
      measured: r.unified.p50,
      unit: "ms",
      baselineName: "one mailbox's page 1 (100k), p50",
      baseline: r.single.p50,
      target: { max: 1.5, of: "ratio" },
      note: "listUnifiedInbox(): each mailbox's newest 50 rows as its own page 1 fetches them (cached rows: flags only), all mailboxes at once, merged",
      details: { unified: r.unified, single: r.single },
    }),
    row({
      id: "9b",
      name: "unified inbox page 20, same 3 mailboxes, p50",
      measured: deep.unified.p50,
      unit: "ms",
      baselineName: null,
      baseline: null,
      target: null,
      note: "page n asks each mailbox for its newest n*50 rows: grows with the page, not with the mailboxes",
      details: { unified: deep.unified },
    }),
  ];
}
