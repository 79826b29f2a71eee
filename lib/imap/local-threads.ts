import type { ImapFlow } from "imapflow";
import { flattenThread, threadMessages, type ThreadableMessage } from "@/lib/threads/jwz";
import { readThreadHeaders, THREAD_HEADER_FIELDS } from "@/lib/threads/read-thread-headers";

/**
 * Most messages Postern threads itself in one folder. Without THREAD it must fetch five header
 * fields of every message it threads, about 130 bytes each (13 MB and ~13 s for 100,000 in the
 * lab): the cost grows with the folder, so it is bounded here. Older messages than the newest
 * LOCAL_THREADS_MAX are listed one per thread, costing only their UIDs.
 */
export const LOCAL_THREADS_MAX = 100_000;

export type LocalThreads = { threads: number[][]; headersFetched: number };

/**
 * Threads the selected folder in Postern (JWZ), for servers without THREAD=REFERENCES: fetches
 * `BODY.PEEK[HEADER.FIELDS (MESSAGE-ID IN-REPLY-TO REFERENCES SUBJECT DATE)]` of the newest
 * LOCAL_THREADS_MAX messages, nothing else, and never sets \Seen (PEEK).
 */
export async function fetchLocalThreads(client: ImapFlow, exists: number, max = LOCAL_THREADS_MAX): Promise<LocalThreads> {
  const threads: number[][] = [];
  if (exists === 0) return { threads, headersFetched: 0 };
  const firstThreaded = Math.max(1, exists - max + 1);
  if (firstThreaded > 1) {
    for await (const m of client.fetch(`1:${firstThreaded - 1}`, { uid: true })) threads.push([m.uid]);
  }
  const messages: ThreadableMessage[] = [];
  const empty = Buffer.alloc(0);
  for await (const m of client.fetch(`${firstThreaded}:*`, { uid: true, headers: [...THREAD_HEADER_FIELDS] })) {
    messages.push({ id: m.uid, ...readThreadHeaders(m.headers ?? empty) });
  }
  for (const t of threadMessages(messages)) threads.push(flattenThread(t).map((m) => m.id));
  return { threads, headersFetched: messages.length };
}
