import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFolders } from "@/lib/imap/list-folders";
import { listMessages } from "@/lib/imap/list-messages";
import { listQuerySchema } from "@/lib/imap/list-query";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { withConnection } from "@/lib/imap/with-mailbox";
import { buildCorpus, CORPUS_SIZE, SUBJECTS, TEXTS } from "../../mail-lab/seed/corpus.mjs";
import { ALICE, signInAs } from "./helpers";

let alice: ImapIdentity;
const corpus = buildCorpus();
const list = (q: Record<string, string>, page = 1) =>
  listMessages(alice, { folder: "INBOX", page, query: listQuerySchema.parse(q) });

beforeAll(async () => {
  alice = await signInAs(ALICE);
});
afterAll(() => getPool().closeAll());

describe("search (IMAP SEARCH on the server)", () => {
  it("finds a thread by subject, and nothing else", async () => {
    const r = await list({ q: SUBJECTS.thread });
    expect(r.total).toBe(4);
    expect(r.messages.every((m) => m.subject.endsWith(SUBJECTS.thread))).toBe(true);
  });

  it("searches message text in its own charset when asked (windows-874 Thai body)", async () => {
    expect((await list({ q: TEXTS.windows874 })).total).toBe(0); // not in any header
    const r = await list({ q: TEXTS.windows874, in: "all" });
    expect(r.messages.map((m) => m.subject)).toEqual([SUBJECTS.windows874]);
  });

  it("filters unread, starred and with attachments", async () => {
    // Other tests open (and so read) seeded mail: compare with the server's own unread count (STATUS).
    const inbox = (await listFolders(alice)).find((f) => f.path === "INBOX")!;
    expect((await list({ unread: "1" })).total).toBe(inbox.unseen);
    expect((await list({ flagged: "1" })).total).toBe(corpus.filter((m) => m.flags.includes("\\Flagged")).length);
    const withFiles = (await list({ attachment: "1" })).messages.map((m) => m.subject);
    expect(withFiles).toEqual(expect.arrayContaining([SUBJECTS.pdf, SUBJECTS.png, SUBJECTS.zip, SUBJECTS.large]));
    expect(withFiles).not.toContain(SUBJECTS.plain);
  });

  it("pages search results like a folder", async () => {
    const r = await list({ q: "a", in: "headers" });
    expect(r.total).toBeGreaterThan(50);
    expect(r.messages).toHaveLength(50);
    const p2 = await list({ q: "a", in: "headers" }, 2);
    expect(p2.page).toBe(2);
    expect(p2.messages[0].uid).not.toBe(r.messages[0].uid);
  });

  it("treats quotes and a CR/LF in the search text as text, not IMAP syntax", async () => {
    const r = await list({ q: 'x" OR ALL\r\nA1 LOGOUT' });
    expect(r.total).toBe(0);
    expect((await list({})).total).toBe(CORPUS_SIZE); // the connection is still fine
  });
});

describe("sorting", () => {
  it("sorts by size on the server (SORT), biggest first", async () => {
    const r = await list({ sort: "size", dir: "desc" });
    expect(r.total).toBe(CORPUS_SIZE);
    expect(r.messages[0].subject).toBe(SUBJECTS.large);
    const sizes = r.messages.map((m) => m.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it("sorts oldest first by arrival without any server sorting", async () => {
    const r = await list({ sort: "arrival", dir: "asc" });
    expect(r.messages[0].subject).toBe(corpus[0].subject);
  });

  it("gives the same order without SORT (bounded fallback in Postern)", async () => {
    const withSort = await list({ sort: "size", dir: "asc", attachment: "1" });
    await withConnection(alice, async (client) => {
      client.capabilities.delete("SORT");
    });
    try {
      const without = await list({ sort: "size", dir: "asc", attachment: "1" });
      expect(without.messages.map((m) => m.uid)).toEqual(withSort.messages.map((m) => m.uid));
    } finally {
      await withConnection(alice, async (client) => getPool().discard(alice.sessionId, client));
    }
  });
});
