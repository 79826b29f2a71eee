import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMessage, warmMessage } from "@/lib/imap/open-message";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { getWarmMessages } from "@/lib/imap/warm-messages";
import { messageSpamReport } from "@/lib/spam/message-report";
import { BOB, signInAs } from "./helpers";
import { raw } from "./lab-mailbox";

// Reading the next message ahead (issue 20) must never mark it read: only opening it does.
const FOLDER = `ReadAhead-${process.pid}`;
let bob: ImapIdentity;

const letter = (n: number) =>
  Buffer.from(
    `From: Ann <ann@example.test>\r\nTo: <bob@example.test>\r\nSubject: read ahead ${n}\r\n` +
      `Date: Mon, 02 Nov 2026 10:0${n}:00 +0000\r\nMessage-ID: <read-ahead-${n}-${process.pid}@example.test>\r\n` +
      `MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLetter number ${n}.\r\n`,
  );

/** The message's flags as a separate client sees them (not through Postern's pool). */
const flagsOf = (uid: number) =>
  raw(BOB, async (c) => {
    await c.mailboxOpen(FOLDER, { readOnly: true });
    const m = await c.fetchOne(String(uid), { flags: true }, { uid: true });
    return m ? [...(m.flags ?? [])] : null;
  });

let uids: number[] = [];
beforeAll(async () => {
  bob = await signInAs(BOB);
  uids = await raw(BOB, async (c) => {
    await c.mailboxCreate(FOLDER).catch(() => undefined);
    const out: number[] = [];
    for (const n of [1, 2]) {
      const res = await c.append(FOLDER, letter(n), []);
      if (!res || !res.uid) throw new Error("APPEND gave no UID (no UIDPLUS?)");
      out.push(res.uid);
    }
    return out;
  });
});
afterAll(async () => {
  await raw(BOB, (c) => c.mailboxDelete(FOLDER)).catch(() => undefined);
  await getPool().closeAll();
});

describe("reading the next message ahead", () => {
  it("leaves it unread, and opening it then marks it read and shows the same message", async () => {
    const [, second] = uids;
    expect(await warmMessage(bob, { folder: FOLDER, uid: second })).toBe(true);
    expect(await flagsOf(second)).not.toContain("\\Seen");
    // a second read ahead finds it warm and still does not mark it
    expect(await warmMessage(bob, { folder: FOLDER, uid: second })).toBe(true);
    expect(await flagsOf(second)).not.toContain("\\Seen");

    const before = getWarmMessages().size;
    const opened = await openMessage(bob, { folder: FOLDER, uid: second });
    expect(getWarmMessages().size).toBe(before - 1); // it was opened from the read-ahead
    expect(opened.message?.subject).toBe("read ahead 2");
    expect(opened.message?.text).toContain("Letter number 2.");
    expect(await flagsOf(second)).toContain("\\Seen");
    // the spam panel judges the bytes the page opened as it judges the ones it fetches itself
    expect(opened.source).toBeDefined();
    const fromOpened = await messageSpamReport(bob, BOB.email, FOLDER, second, opened.source);
    expect(fromOpened).toEqual(await messageSpamReport(bob, BOB.email, FOLDER, second));
  });

  it("reads flags fresh: a message flagged elsewhere after the read-ahead opens flagged", async () => {
    const [first] = uids;
    await warmMessage(bob, { folder: FOLDER, uid: first });
    await raw(BOB, async (c) => {
      await c.mailboxOpen(FOLDER);
      await c.messageFlagsAdd(String(first), ["\\Flagged"], { uid: true });
    });
    const opened = await openMessage(bob, { folder: FOLDER, uid: first });
    expect(opened.flagged).toBe(true);
    expect(opened.message?.subject).toBe("read ahead 1");
  });

  it("says a message deleted elsewhere after the read-ahead no longer exists", async () => {
    const uid = await raw(BOB, async (c) => (await c.append(FOLDER, letter(3), [])) as { uid: number });
    await warmMessage(bob, { folder: FOLDER, uid: uid.uid });
    await raw(BOB, async (c) => {
      await c.mailboxOpen(FOLDER);
      await c.messageDelete(String(uid.uid), { uid: true });
    });
    await expect(openMessage(bob, { folder: FOLDER, uid: uid.uid })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
