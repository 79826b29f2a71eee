import type { SearchObject } from "imapflow";
import { mergeAsync } from "@/lib/async/merge-async";
import { isPosternError } from "@/lib/http/errors";
import type { InboxSource } from "./list-unified-inbox";
import { searchAllFolders, type FolderSearchResult } from "./search-all-folders";

/** One line of a search over every mailbox: a folder's result in one of them (`account`: the
 * added account's id, null for the user's own), or why a whole mailbox could not be searched. */
export type AccountSearchResult =
  | (FolderSearchResult & { account: string | null })
  | { account: string | null; status: "unavailable"; message: string; error?: { code: string; message: string; detail?: unknown } };

async function* searchOneMailbox(
  source: Pick<InboxSource, "key" | "identity">,
  opts: { search: SearchObject; signal?: AbortSignal; timeoutMs?: number },
): AsyncGenerator<AccountSearchResult> {
  try {
    for await (const r of searchAllFolders(source.identity, opts)) yield { ...r, account: source.key };
  } catch (e) {
    // its server gone, its password changed: said on its own line, the other mailboxes go on
    if (opts.signal?.aborted) return;
    yield isPosternError(e)
      ? { account: source.key, status: "unavailable", message: e.message, error: { code: e.code, message: e.message, detail: e.detail } }
      : { account: source.key, status: "unavailable", message: "This account could not be searched." };
  }
}

/**
 * Unified search (issue 22): every folder of every mailbox, all mailboxes at once (each on its own
 * connection and server), folder by folder within one, each result yielded as soon as it is in.
 * `signal` stops every mailbox's search (see searchAllFolders).
 * @throws nothing for a mailbox that fails: it gets an "unavailable" line
 */
export async function* searchAllAccounts(
  sources: Pick<InboxSource, "key" | "identity">[],
  opts: { search: SearchObject; signal?: AbortSignal; timeoutMs?: number },
): AsyncGenerator<AccountSearchResult> {
  for await (const r of mergeAsync(sources.map((s) => searchOneMailbox(s, opts)))) {
    // a folder that answered as the cancel came is not news any more
    if (opts.signal?.aborted) return;
    yield r;
  }
}
