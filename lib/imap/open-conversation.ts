import { PosternError } from "@/lib/http/errors";
import type { Address, ParsedMessage } from "@/lib/mime/types";
import { loadFolderThreads, type ThreadOptions } from "./folder-threads";
import { fetchSummaries, type MessageSummary } from "./fetch-summaries";
import { openMessage } from "./open-message";
import type { ImapIdentity } from "./session-pool";
import { findThreadOf, threadUidsAt } from "./thread-index";
import { toUidRanges } from "./uid-ranges";
import { withMailbox } from "./with-mailbox";

/** Messages a conversation shows, the newest ones: each is downloaded and parsed, so a
 * 2,000-message thread must not mean 2,000 downloads (Gmail stops at 100 too). */
export const MAX_CONVERSATION_MESSAGES = 50;

export type ConversationMessage = {
  uid: number;
  from: Address | null;
  date: string | null;
  subject: string;
  /** Whether it had been read before the conversation was opened. */
  seen: boolean;
  flagged: boolean;
  size: number;
  /** null when the message is too large to parse for display (it can still be downloaded). */
  message: ParsedMessage | null;
};

export type Conversation = {
  folder: string;
  subject: string;
  /** Every message of the thread in this folder, ascending. */
  uids: number[];
  /** Oldest first: the newest MAX_CONVERSATION_MESSAGES of the thread. */
  messages: ConversationMessage[];
  /** Older messages of the thread that are not shown. */
  omitted: number;
};

// Undated messages go last, and messages of the same minute in arrival order.
const byDate = (a: MessageSummary, b: MessageSummary) => (a.date ?? "~").localeCompare(b.date ?? "~") || a.uid - b.uid;

/** The thread holding `uid` and the summaries of its newest messages, oldest first. */
async function findConversation(id: ImapIdentity, folder: string, uid: number, opts: Pick<ThreadOptions, "method">) {
  return withMailbox(id, folder, async ({ client }) => {
    const { index } = await loadFolderThreads(client, { sessionId: id.sessionId, account: id.credentials.user, folder }, opts);
    const at = findThreadOf(index, uid);
    if (at === -1) throw new PosternError("NOT_FOUND", "This message no longer exists. It may have been moved or deleted.");
    const uids = threadUidsAt(index, at);
    const shown: MessageSummary[] = [];
    for (const set of toUidRanges(uids.slice(-MAX_CONVERSATION_MESSAGES))) {
      shown.push(...(await fetchSummaries(client, id.credentials.user, set, { byUid: true })));
    }
    return { uids, shown: shown.sort(byDate) };
  });
}

/**
 * Opens the whole conversation `uid` belongs to, as Gmail does: every shown message downloaded
 * and parsed (reusing openMessage), and the whole conversation marked read with one STORE.
 * @throws PosternError NOT_FOUND | IMAP_UNAVAILABLE
 */
export async function openConversation(
  id: ImapIdentity,
  opts: { folder: string; uid: number; markSeen?: boolean } & Pick<ThreadOptions, "method">,
): Promise<Conversation> {
  const { uids, shown } = await findConversation(id, opts.folder, opts.uid, { method: opts.method });
  const messages: ConversationMessage[] = [];
  for (const s of shown) {
    const opened = await openMessage(id, { folder: opts.folder, uid: s.uid, markSeen: false }).catch((e: unknown) => {
      if (e instanceof PosternError && e.code === "NOT_FOUND") return null; // deleted meanwhile
      throw e;
    });
    if (!opened) continue;
    messages.push({ uid: s.uid, from: s.from, date: s.date, subject: s.subject, seen: s.seen, flagged: s.flagged, size: opened.size, message: opened.message });
  }
  if (!messages.length) throw new PosternError("NOT_FOUND", "This conversation no longer exists. It may have been moved or deleted.");
  const omitted = uids.length - shown.length;
  if (opts.markSeen !== false && (omitted > 0 || messages.some((m) => !m.seen))) {
    await withMailbox(id, opts.folder, async ({ client }) => {
      for (const set of toUidRanges(uids)) await client.messageFlagsAdd(set, ["\\Seen"], { uid: true, silent: true });
    });
  }
  return { folder: opts.folder, subject: messages[0].subject, uids, messages, omitted };
}
