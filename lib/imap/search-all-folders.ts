import type { SearchObject } from "imapflow";
import { isPosternError } from "@/lib/http/errors";
import { listFolders } from "./list-folders";
import { fetchSummaries, type MessageSummary } from "./fetch-summaries";
import { getPool, mailboxCacheKey, poolKey, type ImapIdentity } from "./session-pool";
import { withMailbox } from "./with-mailbox";

/** Matches shown per folder; the folder link leads to all of them. */
export const MATCHES_PER_FOLDER = 20;

/** One folder's IMAP SEARCH may take this long (a body search on a huge folder) before Postern
 * gives up on it, says so, and goes on with the next folder on a fresh connection. */
export const FOLDER_SEARCH_TIMEOUT_MS = 60_000;

export type FolderSearchResult =
  | { folder: string; name: string; status: "searching" }
  | { folder: string; name: string; status: "done"; total: number; messages: MessageSummary[] }
  /** `error` (a PosternError's code and detail) lets the page say it in the reader's language. */
  | { folder: string; name: string; status: "timeout" | "error"; message: string; error?: { code: string; message: string; detail?: unknown } };

class FolderTimeout extends Error {}

/**
 * Searches every folder in turn and yields each folder's result as soon as it is in, so the
 * browser can show results while slower folders are still searching. Stops between folders when
 * `signal` aborts; a search still running then is cut off by dropping the connection.
 */
export async function* searchAllFolders(
  id: ImapIdentity,
  opts: { search: SearchObject; signal?: AbortSignal; timeoutMs?: number },
): AsyncGenerator<FolderSearchResult> {
  const folders = (await listFolders(id)).filter((f) => f.selectable);
  for (const f of folders) {
    if (opts.signal?.aborted) return;
    yield { folder: f.path, name: f.name, status: "searching" };
    let timer: NodeJS.Timeout | undefined;
    const cutOff = () => void getPool().get(id).then((c) => getPool().discard(poolKey(id), c)).catch(() => undefined);
    const onAbort = () => cutOff();
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const work = withMailbox(id, f.path, async ({ client }) => {
        const found = await client.search(opts.search, { uid: true });
        const uids = (Array.isArray(found) ? found : []).sort((a, b) => b - a);
        const top = uids.slice(0, MATCHES_PER_FOLDER);
        const messages: MessageSummary[] = top.length ? await fetchSummaries(client, mailboxCacheKey(id), top.join(","), { byUid: true }) : [];
        messages.sort((a, b) => b.uid - a.uid);
        return { total: uids.length, messages };
      });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new FolderTimeout()), opts.timeoutMs ?? FOLDER_SEARCH_TIMEOUT_MS);
      });
      const r = await Promise.race([work, timeout]);
      yield { folder: f.path, name: f.name, status: "done", ...r };
    } catch (e) {
      if (opts.signal?.aborted) return;
      if (e instanceof FolderTimeout) {
        cutOff();
        yield { folder: f.path, name: f.name, status: "timeout", message: "The server took too long to search this folder." };
      } else {
        yield isPosternError(e)
          ? { folder: f.path, name: f.name, status: "error", message: e.message, error: { code: e.code, message: e.message, detail: e.detail } }
          : { folder: f.path, name: f.name, status: "error", message: "This folder could not be searched." };
      }
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
    }
  }
}
