import type { ImapFlow } from "imapflow";
import { PAGE_SIZE } from "@/lib/limits";
import { loadFolderThreads, type ThreadMethod, type ThreadOptions } from "./folder-threads";
import { fetchSummaries, type MessageSummary } from "./fetch-summaries";
import type { ImapIdentity } from "./session-pool";
import { countThreadedMessages, countThreads, threadUidsAt } from "./thread-index";
import { sampleUids, summarizeThread, type FlagState, type ThreadSummary } from "./thread-summary";
import { toUidRanges } from "./uid-ranges";
import { withMailbox } from "./with-mailbox";

export type ThreadPage = {
  folder: string;
  /** How the folder was threaded: the server's THREAD=REFERENCES or Postern's JWZ. */
  method: ThreadMethod;
  /** Threads in the folder. */
  total: number;
  /** Messages in them. */
  messages: number;
  page: number;
  pageCount: number;
  pageSize: number;
  threads: ThreadSummary[];
};

const flagState = (flags: Set<string> | undefined): FlagState => ({
  seen: flags?.has("\\Seen") ?? false,
  flagged: flags?.has("\\Flagged") ?? false,
});

/** Envelopes of the sampled messages, flags of all of them (one FETCH each, split if long). */
async function fetchPageMessages(client: ImapFlow, account: string, uids: number[], sampled: number[]) {
  const summaries = new Map<number, MessageSummary>();
  const flags = new Map<number, FlagState>();
  for (const set of toUidRanges(sampled)) {
    for (const m of await fetchSummaries(client, account, set, { byUid: true })) {
      summaries.set(m.uid, m);
      flags.set(m.uid, { seen: m.seen, flagged: m.flagged });
    }
  }
  const rest = uids.filter((uid) => !summaries.has(uid));
  for (const set of toUidRanges(rest)) {
    for await (const m of client.fetch(set, { uid: true, flags: true }, { uid: true })) flags.set(m.uid, flagState(m.flags));
  }
  return { summaries, flags };
}

/**
 * One page of a folder's conversations, newest first (by their latest arrival), 50 threads a
 * page. Threading costs one THREAD command, or on servers without it the threading headers of
 * the folder (see local-threads.ts), and is cached while the folder is unchanged; each page then
 * fetches only its own threads: flags of their messages, envelopes of up to 10 per thread.
 * @throws PosternError NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function listThreads(
  id: ImapIdentity,
  opts: { folder: string; page: number } & Pick<ThreadOptions, "method">,
): Promise<ThreadPage> {
  return withMailbox(id, opts.folder, async ({ client }) => {
    const { index, method } = await loadFolderThreads(client, { sessionId: id.sessionId, account: id.credentials.user, folder: opts.folder }, { method: opts.method });
    const total = countThreads(index);
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(opts.page) || 1), pageCount);
    const groups: number[][] = [];
    for (let i = (page - 1) * PAGE_SIZE; i < Math.min(total, page * PAGE_SIZE); i++) groups.push(threadUidsAt(index, i));
    const { summaries, flags } = await fetchPageMessages(client, id.credentials.user, groups.flat(), groups.flatMap((g) => sampleUids(g)));
    const threads = groups.map((g) => summarizeThread(g, flags, summaries)).filter((t): t is ThreadSummary => t !== null);
    return { folder: opts.folder, method, total, messages: countThreadedMessages(index), page, pageCount, pageSize: PAGE_SIZE, threads };
  });
}
