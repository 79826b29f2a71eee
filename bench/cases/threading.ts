import { loadFolderThreads, type FolderThreads, type ThreadOptions } from "@/lib/imap/folder-threads";
import { listThreads } from "@/lib/imap/list-threads";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { ThreadCache } from "@/lib/imap/thread-cache";
import { countThreads } from "@/lib/imap/thread-index";
import { withMailbox } from "@/lib/imap/with-mailbox";
import { BIG_FOLDER, SMALL_FOLDER } from "../config";
import { row, type Row } from "../report-types";
import { interleave, type Summary } from "../stats";

type Pair = { big: Summary; small: Summary };

/** Threads a folder as a first visit does: a fresh cache, so nothing is reused; with `stored`,
 * as any process does after the first JWZ threading (headers kept in the database). */
function threadCold(id: ImapIdentity, folder: string, method: ThreadOptions["method"], stored = false): Promise<FolderThreads> {
  return withMailbox(id, folder, ({ client }) =>
    loadFolderThreads(client, { sessionId: id.sessionId, account: id.credentials.user, folder }, { method, cache: new ThreadCache(), storeFrom: stored ? 1 : Infinity }),
  );
}

async function pair(big: () => Promise<unknown>, small: () => Promise<unknown>, warmup: number, iterations: number): Promise<Pair> {
  const r = await interleave([{ name: "big", run: big }, { name: "small", run: small }], { warmup, iterations });
  return { big: r.big, small: r.small };
}

/**
 * Case 6: threading the 100,000-message INBOX and the 1,000-message Bench1k folder, library
 * level, each folder on its own session (no SELECT per run). Cold runs use a fresh cache: the
 * server's THREAD=REFERENCES, and Postern's JWZ (forced, as on a server without THREAD) over
 * BODY.PEEK[HEADER.FIELDS (MESSAGE-ID IN-REPLY-TO REFERENCES SUBJECT DATE)] of every message.
 * Then page 1 of the thread list from the cache, which must not depend on the folder's size.
 */
export async function threading(ctx: { big: ImapIdentity; small: ImapIdentity }): Promise<Row[]> {
  const facts = {
    big: await threadCold(ctx.big, BIG_FOLDER.path, "jwz"),
    small: await threadCold(ctx.small, SMALL_FOLDER.path, "jwz"),
  };
  const detail = (f: FolderThreads) => ({ threads: countThreads(f.index), headersFetched: f.headersFetched });
  const server = await pair(() => threadCold(ctx.big, BIG_FOLDER.path, "auto"), () => threadCold(ctx.small, SMALL_FOLDER.path, "auto"), 1, 5);
  const jwz = await pair(() => threadCold(ctx.big, BIG_FOLDER.path, "jwz"), () => threadCold(ctx.small, SMALL_FOLDER.path, "jwz"), 0, 3);
  // the first stored threading keeps the headers; the runs after it fetch none
  const keep = { big: await threadCold(ctx.big, BIG_FOLDER.path, "jwz", true), small: await threadCold(ctx.small, SMALL_FOLDER.path, "jwz", true) };
  const stored = await pair(() => threadCold(ctx.big, BIG_FOLDER.path, "jwz", true), () => threadCold(ctx.small, SMALL_FOLDER.path, "jwz", true), 1, 5);
  const check = await threadCold(ctx.big, BIG_FOLDER.path, "jwz", true);
  const page = (id: ImapIdentity, folder: string) => () => listThreads(id, { folder, page: 1 });
  const cached = await pair(page(ctx.big, BIG_FOLDER.path), page(ctx.small, SMALL_FOLDER.path), 3, 30);
  const scale = (id: string, name: string, p: Pair, note: string, target: Row["target"] = null, extra: Record<string, unknown> = {}) =>
    row({ id, name, measured: p.big.p50, unit: "ms", baselineName: "same on 1k, p50", baseline: p.small.p50, target, note, details: { big: p.big, small: p.small, ...extra } });
  return [
    scale("6a", "threading the 100k folder with THREAD=REFERENCES, cold, p50", server, "UID THREAD REFERENCES UTF-8 ALL: only UIDs cross the wire (~7 bytes a message); grows with the folder, paid once per folder change"),
    scale(
      "6b",
      "threading the 100k folder with JWZ (server without THREAD), cold, p50",
      jwz,
      `fetches the 5 threading header fields of every message (${facts.big.headersFetched} vs ${facts.small.headersFetched}), nothing else; capped at 100k newest (local-threads.ts)`,
      null,
      { folders: { big: detail(facts.big), small: detail(facts.small) } },
    ),
    row({
      id: "6d",
      name: "threading the 100k folder with JWZ, cold, its headers stored (any process after the first), p50",
      measured: stored.big.p50,
      unit: "ms",
      baselineName: "same on 1k, p50",
      baseline: stored.small.p50,
      target: { max: 1000, of: "value" },
      note: `thread-header-store.ts: keyed headers of ${check.storedHeaders} messages read from the database, ${check.headersFetched} fetched (only new messages'), one UID SEARCH, JWZ in memory; the first threading stores them (${keep.big.headersFetched} fetched)`,
      details: { big: stored.big, small: stored.small },
    }),
    scale("6c", "thread list page 1 on 100k, cached threads, p50", cached, "threads cached per session and folder version: a page fetches its 50 threads only", { max: 1.5, of: "ratio" }),
  ];
}
