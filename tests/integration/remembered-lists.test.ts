// What a connection remembers between list requests (lib/imap/page-flags.ts, ordered-uids.ts) must
// never show a list another mail client has changed. "raw" is that other client, on its own
// connection, as Thunderbird on the user's laptop would be.
import type { ImapFlow } from "imapflow";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { listMessages } from "@/lib/imap/list-messages";
import { listQuerySchema } from "@/lib/imap/list-query";
import { connectImap, getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { BOB, signInAs } from "./helpers";

const FOLDER = "Remembered lists";
let bob: ImapIdentity;
let raw: ImapFlow;
let pooled: ImapFlow;
let fetchSpy: MockInstance;
let searchSpy: MockInstance;

const list = (q: Record<string, string> = {}, page = 1) => listMessages(bob, { folder: FOLDER, page, query: listQuerySchema.parse(q) });

/** The FETCH options Postern sent for row flags (uid + flags only) since the last reset. */
function flagFetches(): Array<{ changedSince?: bigint }> {
  return fetchSpy.mock.calls.filter((c) => Object.keys(c[1] as object).sort().join() === "flags,uid").map((c) => c[2] as { changedSince?: bigint });
}

async function asOtherClient(fn: (c: ImapFlow) => Promise<unknown>): Promise<void> {
  const lock = await raw.getMailboxLock(FOLDER);
  try {
    await fn(raw);
  } finally {
    lock.release();
  }
}

async function uidOf(subject: string): Promise<number> {
  const found = await raw.search({ subject }, { uid: true });
  return (found as number[])[0];
}

beforeAll(async () => {
  bob = await signInAs(BOB);
  raw = await connectImap({ credentials: { user: BOB.email, pass: BOB.password }, clientIp: null });
  await raw.mailboxDelete(FOLDER).catch(() => undefined);
  await raw.mailboxCreate(FOLDER);
  for (let n = 1; n <= 60; n++) {
    await raw.append(FOLDER, `From: a@example.test\r\nTo: bob@example.test\r\nSubject: memo ${n}${n % 2 ? " odd" : ""}\r\n\r\nbody ${n}\r\n`);
  }
  pooled = await getPool().get(bob);
});

beforeEach(() => {
  fetchSpy?.mockRestore();
  searchSpy?.mockRestore();
  fetchSpy = vi.spyOn(pooled, "fetch");
  searchSpy = vi.spyOn(pooled, "search");
});

afterAll(async () => {
  await raw.mailboxDelete(FOLDER).catch(() => undefined);
  await raw.logout();
  await getPool().closeAll();
});

describe("a page listed again on the same connection", () => {
  it("asks only for flags changed since (CONDSTORE), and shows what another client changed", async () => {
    const first = await list();
    expect(first.total).toBe(60);
    const target = first.messages[3];
    expect(target.flagged).toBe(false);
    fetchSpy.mockClear();

    const again = await list();
    expect(again.messages).toEqual(first.messages);
    expect(flagFetches()).toEqual([expect.objectContaining({ changedSince: expect.any(BigInt) })]);

    await asOtherClient((c) => c.messageFlagsAdd(String(target.uid), ["\\Flagged", "\\Seen"], { uid: true }));
    fetchSpy.mockClear();
    const changed = await list();
    expect(changed.messages.find((m) => m.uid === target.uid)).toMatchObject({ flagged: true, seen: true, subject: target.subject });
    expect(changed.messages.filter((m) => m.flagged)).toHaveLength(1);
    expect(flagFetches()[0].changedSince).toBeDefined();

    await asOtherClient((c) => c.messageFlagsRemove(String(target.uid), ["\\Flagged", "\\Seen"], { uid: true }));
    expect((await list()).messages.find((m) => m.uid === target.uid)).toMatchObject({ flagged: false, seen: false });
  });

  it("is listed afresh when a message left and another arrived, though the count is the same", async () => {
    const before = await list();
    const leaving = before.messages[0];
    await asOtherClient(async (c) => {
      await c.messageDelete(String(leaving.uid), { uid: true });
      await c.append(FOLDER, "From: b@example.test\r\nSubject: memo newcomer\r\n\r\nx\r\n");
    });
    fetchSpy.mockClear();
    const after = await list();
    expect(after.total).toBe(before.total);
    expect(after.messages.map((m) => m.subject)).toContain("memo newcomer");
    expect(after.messages.map((m) => m.uid)).not.toContain(leaving.uid);
    expect(flagFetches().every((o) => o?.changedSince === undefined)).toBe(true);
  });

  it("keeps each page's flags apart (page 2 after page 1 is not page 1's answer)", async () => {
    const p1 = await list({}, 1);
    const p2 = await list({}, 2);
    expect(p2.messages.map((m) => m.uid).some((u) => p1.messages.some((m) => m.uid === u))).toBe(false);
    expect((await list({}, 1)).messages).toEqual(p1.messages);
    expect((await list({}, 2)).messages).toEqual(p2.messages);
  });
});

describe("a search paged on the same connection", () => {
  it("is searched once for all its pages, and again when mail arrives or leaves", async () => {
    const p1 = await list({ q: "memo" });
    expect(p1.total).toBe(60);
    const p2 = await list({ q: "memo" }, 2);
    expect(p2.messages).toHaveLength(10);
    expect(searchSpy).toHaveBeenCalledTimes(1);

    await asOtherClient((c) => c.append(FOLDER, "From: c@example.test\r\nSubject: memo latecomer\r\n\r\nx\r\n"));
    const grown = await list({ q: "memo" });
    expect(searchSpy).toHaveBeenCalledTimes(2);
    expect(grown.total).toBe(61);
    expect(grown.messages[0].subject).toBe("memo latecomer");

    const late = await uidOf("memo latecomer");
    await asOtherClient((c) => c.messageDelete(String(late), { uid: true }));
    const shrunk = await list({ q: "memo" });
    expect(shrunk.total).toBe(60);
    expect(shrunk.messages.map((m) => m.subject)).not.toContain("memo latecomer");
  });

  it("is searched again for another query or order", async () => {
    const odd = await list({ q: "odd" });
    expect(odd.total).toBe(30);
    const bySize = await list({ q: "odd", sort: "subject", dir: "asc" });
    expect(bySize.total).toBe(30);
    expect(bySize.messages[0].subject).toBe("memo 1 odd");
    expect((await list({ q: "memo" })).total).toBe(60);
  });

  it("is never remembered when it asks for flags: unread follows another client's read marks", async () => {
    const unread = await list({ unread: "1" });
    const one = unread.messages[0];
    await asOtherClient((c) => c.messageFlagsAdd(String(one.uid), ["\\Seen"], { uid: true }));
    const after = await list({ unread: "1" });
    expect(after.total).toBe(unread.total - 1);
    expect(after.messages.map((m) => m.uid)).not.toContain(one.uid);
    expect(searchSpy).toHaveBeenCalledTimes(2);
  });
});
