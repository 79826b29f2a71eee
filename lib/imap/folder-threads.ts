import type { ImapFlow, MailboxObject } from "imapflow";
import { loadThreadHeaders, saveThreadHeaders, STORE_THREADS_FROM, threadHeaderKeys } from "@/lib/threads/thread-header-store";
import { fetchLocalThreads } from "./local-threads";
import { fetchServerThreads, supportsServerThreads } from "./server-threads";
import { getThreadCache, type ThreadCache } from "./thread-cache";
import { EMPTY_THREAD_INDEX, packThreads, type ThreadIndex } from "./thread-index";

/** "server": the server's THREAD=REFERENCES; "jwz": Postern's own threading over fetched headers. */
export type ThreadMethod = "server" | "jwz";

export type FolderThreads = {
  index: ThreadIndex;
  method: ThreadMethod;
  /** Whether the threads came from the cache (no THREAD, no header fetch). */
  cached: boolean;
  /** Messages whose headers were fetched for JWZ (0 for THREAD and for cache hits). */
  headersFetched: number;
  /** JWZ started from the folder's stored headers (thread-header-store.ts). */
  storedHeaders?: number;
};

export type ThreadOptions = {
  /** "jwz" forces Postern's own threading even where the server has THREAD (tests, benchmark). */
  method?: "auto" | "jwz";
  cache?: ThreadCache;
  /** Folders of at least this many messages keep their threading headers in the database
   * (default STORE_THREADS_FROM; Infinity: never, as a first visit, for the benchmark). */
  storeFrom?: number;
};

/**
 * What identifies the folder's set of messages: UIDVALIDITY, the message count and the highest
 * UID. UIDs only grow, so any arrival raises the highest UID and any removal alone lowers the
 * count. (imapflow's uidNext is not used: on a mailbox that stays selected it is not refreshed.)
 */
async function folderVersion(client: ImapFlow, method: ThreadMethod): Promise<{ version: string; exists: number }> {
  const mailbox = client.mailbox as MailboxObject;
  const newest = mailbox.exists ? await client.fetchOne("*", { uid: true }) : false;
  const version = `${mailbox.uidValidity}:${mailbox.exists}:${newest ? newest.uid : 0}:${method}`;
  return { version, exists: mailbox.exists };
}

/**
 * The threads of the selected folder, newest first: from the cache when the folder is unchanged,
 * else from THREAD=REFERENCES where the server has it, else from JWZ over fetched headers (also
 * when the server refuses THREAD).
 * JWZ keeps the folder's keyed threading headers in the database (thread-header-store.ts), so
 * that any process threads it again from them plus the new messages' headers.
 * @param where the session, account and folder the threads belong to
 */
export async function loadFolderThreads(
  client: ImapFlow,
  where: { sessionId: string; account: string; folder: string },
  opts: ThreadOptions = {},
): Promise<FolderThreads> {
  const cache = opts.cache ?? getThreadCache();
  let method: ThreadMethod = opts.method !== "jwz" && supportsServerThreads(client) ? "server" : "jwz";
  const { version, exists } = await folderVersion(client, method);
  if (exists === 0) return { index: EMPTY_THREAD_INDEX, method, cached: false, headersFetched: 0 };
  const hit = cache.get(where.sessionId, where.folder, version);
  if (hit) return { index: hit, method, cached: true, headersFetched: 0 };
  let threads = method === "server" ? await fetchServerThreads(client) : null;
  let headersFetched = 0;
  let storedHeaders: number | undefined;
  if (!threads) {
    method = "jwz";
    const uidValidity = String((client.mailbox as MailboxObject).uidValidity);
    const store = exists >= (opts.storeFrom ?? STORE_THREADS_FROM);
    const known = store ? await loadThreadHeaders(where.account, where.folder, uidValidity) : null;
    const local = await fetchLocalThreads(client, exists, { key: threadHeaderKeys(), known: known?.messages });
    ({ threads, headersFetched } = local);
    storedHeaders = known?.messages.length;
    if (store && (local.headersFetched > 0 || local.gone > 0)) await saveThreadHeaders(where.account, where.folder, uidValidity, local.headers, known);
  }
  const index = packThreads(threads);
  cache.set(where.sessionId, where.folder, version, index);
  return { index, method, cached: false, headersFetched, storedHeaders };
}
