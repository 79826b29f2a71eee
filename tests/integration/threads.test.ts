import zlib from "node:zlib";
import type { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFolderThreads, type ThreadOptions } from "@/lib/imap/folder-threads";
import { listThreads } from "@/lib/imap/list-threads";
import { openConversation } from "@/lib/imap/open-conversation";
import { connectImap, getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { ThreadCache } from "@/lib/imap/thread-cache";
import { countThreads, threadUidsAt, type ThreadIndex } from "@/lib/imap/thread-index";
import { withConnection, withMailbox } from "@/lib/imap/with-mailbox";
import { buildCorpus, CORPUS_SIZE, SUBJECTS, TEXTS } from "../../mail-lab/seed/corpus.mjs";
import { getDb } from "@/lib/db/client";
import { ALICE, signInAs } from "./helpers";

const CAROL = { email: "carol@example.test", password: "carol-pass" };
let alice: ImapIdentity;
let carol: ImapIdentity;

// The seed appends the corpus in order to an emptied INBOX: the n-th message has UID n.
const corpus = buildCorpus();
const uidOfKey = (key: string) => corpus.findIndex((m) => m.key === key) + 1;
const OFFSITE = ["thread1", "thread2", "thread3", "thread4"].map(uidOfKey);

/** Threads of a folder computed afresh (own cache) by the given method. */
function threadsOf(id: ImapIdentity, folder: string, opts: ThreadOptions = {}) {
  return withMailbox(id, folder, ({ client }) => loadFolderThreads(client, { sessionId: id.sessionId, account: id.credentials.user, folder }, { cache: new ThreadCache(), ...opts }));
}

/** The grouping only, comparable between methods: each thread's UIDs sorted, threads sorted. */
function grouping(index: ThreadIndex): string[] {
  return Array.from({ length: countThreads(index) }, (_, i) => threadUidsAt(index, i).join(",")).sort();
}

async function raw<T>(user: { email: string; password: string }, fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = await connectImap({ credentials: { user: user.email, pass: user.password }, clientIp: null });
  try {
    return await fn(c);
  } finally {
    await c.logout();
  }
}

const unseenOf = (user: typeof ALICE, folder: string) => raw(user, async (c) => (await c.status(folder, { unseen: true })) || null);

beforeAll(async () => {
  alice = await signInAs(ALICE);
  carol = await signInAs(CAROL);
});
afterAll(() => getPool().closeAll());

describe("thread list with the server's THREAD=REFERENCES", () => {
  it("lists the seeded Offsite planning thread as one 4-message conversation", async () => {
    const page = await listThreads(alice, { folder: "INBOX", page: 1 });
    expect(page).toMatchObject({ method: "server", messages: CORPUS_SIZE, page: 1, pageSize: 50 });
    expect(page.total).toBeLessThan(CORPUS_SIZE); // the filler's repeated subjects group too
    expect(page.threads).toHaveLength(50);
    const offsite = page.threads.find((t) => t.uids.includes(OFFSITE[0]))!;
    expect(offsite).toMatchObject({ uids: OFFSITE, count: 4, uid: OFFSITE[3], subject: SUBJECTS.thread, unread: 1, flagged: true });
    expect(offsite.participants.map((p) => p.name)).toEqual(["Bob Martin", "Carol Diaz", "Dave Okafor"].map((n) => expect.stringContaining(n.split(" ")[0])));
  });

  it("orders threads by their newest message and pages through all of them", async () => {
    const first = await listThreads(alice, { folder: "INBOX", page: 1 });
    const newest = first.threads.map((t) => t.uid);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    expect(newest[0]).toBe(CORPUS_SIZE);
    const seen = new Set<number>();
    for (let p = 1; p <= first.pageCount; p++) {
      for (const t of (await listThreads(alice, { folder: "INBOX", page: p })).threads) for (const uid of t.uids) seen.add(uid);
    }
    expect(seen.size).toBe(CORPUS_SIZE);
  });

  it("threads once per folder version: the second call is served from the cache", async () => {
    const cache = new ThreadCache();
    const load = () => withMailbox(alice, "INBOX", ({ client }) => loadFolderThreads(client, { sessionId: alice.sessionId, account: alice.credentials.user, folder: "INBOX" }, { cache }));
    expect((await load()).cached).toBe(false);
    expect((await load()).cached).toBe(true);
  });
});

describe("thread list with Postern's own JWZ threading", () => {
  it("finds the same 4-message thread when the server lacks THREAD", async () => {
    await withConnection(alice, async (client) => {
      client.capabilities.delete("THREAD=REFERENCES"); // as Gmail's server advertises
    });
    try {
      const unseenBefore = (await unseenOf(ALICE, "INBOX"))?.unseen;
      expect(unseenBefore).toBeGreaterThan(0);
      const page = await listThreads(alice, { folder: "INBOX", page: 1 });
      expect(page.method).toBe("jwz");
      const offsite = page.threads.find((t) => t.uids.includes(OFFSITE[0]))!;
      expect(offsite).toMatchObject({ uids: OFFSITE, count: 4, subject: SUBJECTS.thread });
      expect((await unseenOf(ALICE, "INBOX"))?.unseen).toBe(unseenBefore); // BODY.PEEK: nothing marked read
    } finally {
      await withConnection(alice, async (client) => getPool().discard(alice.sessionId, client));
    }
  });

  it("agrees with the server on the grouping of the whole seeded INBOX", async () => {
    const server = await threadsOf(alice, "INBOX");
    const jwz = await threadsOf(alice, "INBOX", { method: "jwz" });
    expect(server.method).toBe("server");
    expect(jwz).toMatchObject({ method: "jwz", headersFetched: CORPUS_SIZE });
    expect(grouping(jwz.index)).toEqual(grouping(server.index));
  });
});

describe("JWZ from stored threading headers", () => {
  it("threads again from the stored keyed headers, fetching none, with the same result", async () => {
    await getDb().threadHeaders.deleteMany({ where: { account: ALICE.email } });
    const first = await threadsOf(alice, "INBOX", { method: "jwz", storeFrom: 1 });
    expect(first).toMatchObject({ headersFetched: CORPUS_SIZE, storedHeaders: undefined });
    // another process, or this one after a restart: nothing in memory
    const again = await threadsOf(alice, "INBOX", { method: "jwz", storeFrom: 1 });
    expect(again).toMatchObject({ headersFetched: 0, storedHeaders: CORPUS_SIZE });
    expect(grouping(again.index)).toEqual(grouping(first.index));
    const row = await getDb().threadHeaders.findUniqueOrThrow({ where: { account_folder: { account: ALICE.email, folder: "INBOX" } } });
    const stored = zlib.inflateRawSync(row.headers).toString("latin1");
    expect(stored).not.toContain(SUBJECTS.thread); // keys only, no mail text
    expect(stored).not.toContain("example.test");
  });
});

describe("a thread that grows", () => {
  const subject = "Budget review";
  const mail = (id: string, opts: { subject?: string; refs?: string[] } = {}) =>
    `From: Priya <priya@example.test>\r\nTo: carol@example.test\r\nSubject: ${opts.subject ?? subject}\r\n` +
    `Message-ID: <${id}@grow.example>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n` +
    (opts.refs ? `References: ${opts.refs.map((r) => `<${r}@grow.example>`).join(" ")}\r\n` : "") +
    `\r\nbody of ${id}\r\n`;

  beforeAll(async () => {
    await raw(CAROL, async (c) => {
      const lock = await c.getMailboxLock("INBOX");
      try {
        if (c.mailbox && c.mailbox.exists) await c.messageDelete("1:*");
      } finally {
        lock.release();
      }
      await c.append("INBOX", mail("g1"));
      await c.append("INBOX", mail("g2", { subject: `AW: ${subject}`, refs: ["g1"] }));
      await c.append("INBOX", mail("other", { subject: "Lunch" }));
    });
  });
  afterAll(() =>
    raw(CAROL, async (c) => {
      const lock = await c.getMailboxLock("INBOX");
      try {
        await c.messageDelete("1:*");
      } finally {
        lock.release();
      }
    }),
  );

  it("picks up a new reply on the next request, in both methods, without a stale cache", async () => {
    for (const method of ["auto", "jwz"] as const) {
      const before = await listThreads(carol, { folder: "INBOX", page: 1, method });
      expect(before.threads.map((t) => t.count)).toEqual([1, 2]);
    }
    await raw(CAROL, (c) => c.append("INBOX", mail("g3", { subject: `Re: [finance] ${subject}` })));
    for (const method of ["auto", "jwz"] as const) {
      const after = await listThreads(carol, { folder: "INBOX", page: 1, method });
      expect(after.threads.map((t) => [t.subject, t.count])).toEqual([[subject, 3], ["Lunch", 1]]);
    }
    // from stored headers: only the newcomer's are fetched, and it joins its thread
    await threadsOf(carol, "INBOX", { method: "jwz", storeFrom: 1 });
    await raw(CAROL, (c) => c.append("INBOX", mail("g4", { subject: `Re: ${subject}`, refs: ["g1", "g3"] })));
    const grown = await threadsOf(carol, "INBOX", { method: "jwz", storeFrom: 1 });
    expect(grown).toMatchObject({ headersFetched: 1, storedHeaders: 4 });
    expect(Array.from({ length: countThreads(grown.index) }, (_, i) => threadUidsAt(grown.index, i).length).sort()).toEqual([1, 4]);
  });
});

describe("conversation", () => {
  it("opens the whole thread from any of its messages, oldest first, and marks it read", async () => {
    const unread = OFFSITE.filter((uid) => !corpus[uid - 1].flags.includes("\\Seen"));
    expect(unread.length).toBeGreaterThan(0);
    try {
      const c = await openConversation(alice, { folder: "INBOX", uid: OFFSITE[1] });
      expect(c).toMatchObject({ folder: "INBOX", subject: SUBJECTS.thread, uids: OFFSITE, omitted: 0 });
      expect(c.messages.map((m) => m.uid)).toEqual(OFFSITE);
      c.messages.forEach((m, i) => expect(m.message?.text).toContain(TEXTS.thread[i]));
      expect(c.messages.filter((m) => !m.seen).map((m) => m.uid)).toEqual(unread);
      const flags = await withMailbox(alice, "INBOX", async ({ client }) => {
        const out: boolean[] = [];
        for await (const m of client.fetch(OFFSITE.join(","), { uid: true, flags: true }, { uid: true })) out.push(m.flags?.has("\\Seen") ?? false);
        return out;
      });
      expect(flags).toEqual([true, true, true, true]);
    } finally {
      // other test files count alice's unread messages: put them back as the seed left them
      await withMailbox(alice, "INBOX", ({ client }) => client.messageFlagsRemove(unread.join(","), ["\\Seen"], { uid: true }));
    }
  });

  it("says so when the message does not exist", async () => {
    await expect(openConversation(alice, { folder: "INBOX", uid: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
