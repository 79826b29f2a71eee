import type { ImapFlow } from "imapflow";
import { flattenThread, threadMessages, type ThreadableMessage } from "@/lib/threads/jwz";
import { keyedThreadHeaders, type KeyFn } from "@/lib/threads/keyed-headers";
import { readThreadHeaders, THREAD_HEADER_FIELDS } from "@/lib/threads/read-thread-headers";
import { toUidRanges } from "./uid-ranges";

/**
 * Most messages Postern threads itself in one folder. Without THREAD it must fetch five header
 * fields of every message it threads, about 130 bytes each (13 MB and ~13 s for 100,000 in the
 * lab): the cost grows with the folder, so it is bounded here. Older messages than the newest
 * LOCAL_THREADS_MAX are listed one per thread, costing only their UIDs.
 */
export const LOCAL_THREADS_MAX = 100_000;

export type LocalThreads = {
  threads: number[][];
  headersFetched: number;
  /** The keyed headers of the threaded messages (what thread-header-store.ts keeps). */
  headers: ThreadableMessage[];
  /** Known headers of messages no longer in the folder (dropped). */
  gone: number;
};

export type LocalThreadOptions = {
  /** Keys Message-IDs and base subjects (keyed-headers.ts). */
  key: KeyFn;
  /** Keyed headers kept from an earlier threading of this folder (same UIDVALIDITY): only the
   * other messages' headers are fetched. */
  known?: readonly ThreadableMessage[] | null;
  max?: number;
};

/**
 * Threads the selected folder in Postern (JWZ), for servers without THREAD=REFERENCES: fetches
 * `BODY.PEEK[HEADER.FIELDS (MESSAGE-ID IN-REPLY-TO REFERENCES SUBJECT DATE)]` of the newest
 * LOCAL_THREADS_MAX messages whose headers are not `known`, nothing else, and never sets \Seen
 * (PEEK).
 */
export async function fetchLocalThreads(client: ImapFlow, exists: number, opts: LocalThreadOptions): Promise<LocalThreads> {
  const threads: number[][] = [];
  if (exists === 0) return { threads, headersFetched: 0, headers: [], gone: opts.known?.length ?? 0 };
  const max = opts.max ?? LOCAL_THREADS_MAX;
  const firstThreaded = Math.max(1, exists - max + 1);
  if (firstThreaded > 1) {
    for await (const m of client.fetch(`1:${firstThreaded - 1}`, { uid: true })) threads.push([m.uid]);
  }
  const known = new Map((opts.known ?? []).map((m) => [m.id, m]));
  const fetched: ThreadableMessage[] = [];
  const fetchHeaders = async (range: string, byUid: boolean) => {
    for await (const m of client.fetch(range, { uid: true, headers: [...THREAD_HEADER_FIELDS] }, { uid: byUid })) {
      fetched.push(keyedThreadHeaders(m.uid, readThreadHeaders(m.headers ?? Buffer.alloc(0)), opts.key));
    }
  };
  let messages: ThreadableMessage[];
  let gone = 0;
  if (!known.size) {
    await fetchHeaders(`${firstThreaded}:*`, false);
    messages = fetched;
  } else {
    // The UIDs present now (one SEARCH), then headers only for the ones not known.
    const present = ((await client.search({ seq: `${firstThreaded}:*` }, { uid: true })) || []).sort((a, b) => a - b);
    const missing = present.filter((uid) => !known.has(uid));
    for (const set of toUidRanges(missing)) await fetchHeaders(set, true);
    const fresh = new Map(fetched.map((m) => [m.id, m]));
    messages = present.map((uid) => known.get(uid) ?? fresh.get(uid)).filter((m): m is ThreadableMessage => m !== undefined);
    const kept = new Set(present);
    for (const uid of known.keys()) if (!kept.has(uid)) gone++;
  }
  for (const t of threadMessages(messages)) threads.push(flattenThread(t).map((m) => m.id));
  return { threads, headersFetched: fetched.length, headers: messages, gone };
}
