import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyMessages } from "@/lib/imap/copy-messages";
import { deleteMessages } from "@/lib/imap/delete-messages";
import { getQuota } from "@/lib/imap/get-quota";
import { listMessages } from "@/lib/imap/list-messages";
import { moveMessages } from "@/lib/imap/move-messages";
import { setFlags } from "@/lib/imap/set-flags";
import { connectImap, getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { withConnection } from "@/lib/imap/with-mailbox";
import { BOB, signInAs } from "./helpers";

let bob: ImapIdentity;

async function subjects(folder: string): Promise<string[]> {
  return (await listMessages(bob, { folder, page: 1 })).messages.map((m) => m.subject).sort();
}
async function uidsOf(folder: string, ...wanted: string[]): Promise<number[]> {
  const page = await listMessages(bob, { folder, page: 1 });
  return wanted.map((s) => page.messages.find((m) => m.subject === s)!.uid);
}

// bob's mailbox is emptied by the seed; give him five messages to act on.
beforeAll(async () => {
  bob = await signInAs(BOB);
  const raw = await connectImap({ credentials: { user: BOB.email, pass: BOB.password }, clientIp: null });
  try {
    for (const folder of ["INBOX", "Archive", "Trash"]) {
      const lock = await raw.getMailboxLock(folder);
      try {
        await raw.messageDelete("1:*");
      } finally {
        lock.release();
      }
    }
    for (const n of [1, 2, 3, 4, 5]) {
      await raw.append("INBOX", `From: a@example.test\r\nTo: bob@example.test\r\nSubject: act ${n}\r\n\r\nbody ${n}\r\n`);
    }
  } finally {
    await raw.logout();
  }
});
afterAll(() => getPool().closeAll());

async function rawBob(fn: (c: Awaited<ReturnType<typeof connectImap>>) => Promise<void>): Promise<void> {
  const c = await connectImap({ credentials: { user: BOB.email, pass: BOB.password }, clientIp: null });
  try {
    await fn(c);
  } finally {
    await c.logout();
  }
}

describe("a folder kept selected between requests", () => {
  it("shows mail delivered since the last request (the next list asks the server)", async () => {
    const before = (await listMessages(bob, { folder: "INBOX", page: 1 })).total;
    const other = await connectImap({ credentials: { user: BOB.email, pass: BOB.password }, clientIp: null });
    try {
      await other.append("INBOX", "From: a@example.test\r\nSubject: just arrived\r\n\r\nhi\r\n");
    } finally {
      await other.logout();
    }
    const after = await listMessages(bob, { folder: "INBOX", page: 1 });
    expect(after.total).toBe(before + 1);
    expect(after.messages[0].subject).toBe("just arrived");
    const [uid] = await uidsOf("INBOX", "just arrived");
    await deleteMessages(bob, { folder: "INBOX", selection: { uids: [uid] }, permanent: true });
  });
});

describe("rows listed before (kept without their flags)", () => {
  it("show flags another mail client changed since, and lose a message it expunged", async () => {
    const [a, b] = await uidsOf("INBOX", "act 3", "act 4");
    const listed = await listMessages(bob, { folder: "INBOX", page: 1 });
    expect(listed.messages.find((m) => m.uid === a)?.seen).toBe(false);
    await rawBob(async (c) => {
      const lock = await c.getMailboxLock("INBOX");
      try {
        await c.messageFlagsAdd(String(a), ["\\Seen", "\\Flagged"], { uid: true });
        await c.append("INBOX", "From: a@example.test\r\nSubject: cached then gone\r\n\r\nx\r\n");
      } finally {
        lock.release();
      }
    });
    const [gone] = await uidsOf("INBOX", "cached then gone");
    await rawBob(async (c) => {
      const lock = await c.getMailboxLock("INBOX");
      try {
        await c.messageDelete(String(gone), { uid: true });
      } finally {
        lock.release();
      }
    });
    const again = await listMessages(bob, { folder: "INBOX", page: 1 });
    expect(again.messages.find((m) => m.uid === a)).toMatchObject({ subject: "act 3", seen: true, flagged: true });
    expect(again.messages.find((m) => m.uid === b)).toMatchObject({ subject: "act 4", seen: false, flagged: false });
    expect(again.messages.some((m) => m.subject === "cached then gone")).toBe(false);
    await setFlags(bob, { folder: "INBOX", selection: { uids: [a] }, flag: "seen", value: false });
    await setFlags(bob, { folder: "INBOX", selection: { uids: [a] }, flag: "flagged", value: false });
  });
});

describe("flags", () => {
  it("stars and unstars the selected messages only", async () => {
    const [a, b] = await uidsOf("INBOX", "act 1", "act 2");
    await setFlags(bob, { folder: "INBOX", selection: { uids: [a, b] }, flag: "flagged", value: true });
    let page = await listMessages(bob, { folder: "INBOX", page: 1 });
    expect(page.messages.filter((m) => m.flagged).map((m) => m.subject).sort()).toEqual(["act 1", "act 2"]);
    await setFlags(bob, { folder: "INBOX", selection: { uids: [a] }, flag: "flagged", value: false });
    page = await listMessages(bob, { folder: "INBOX", page: 1 });
    expect(page.messages.filter((m) => m.flagged).map((m) => m.subject)).toEqual(["act 2"]);
  });

  it("marks every message in the folder read, then unread, with one range", async () => {
    await setFlags(bob, { folder: "INBOX", selection: { all: true }, flag: "seen", value: true });
    expect((await listMessages(bob, { folder: "INBOX", page: 1 })).messages.every((m) => m.seen)).toBe(true);
    await setFlags(bob, { folder: "INBOX", selection: { all: true }, flag: "seen", value: false });
    expect((await listMessages(bob, { folder: "INBOX", page: 1 })).messages.some((m) => m.seen)).toBe(false);
  });
});

describe("move", () => {
  it("moves with MOVE and can be undone with the UIDs it reports", async () => {
    const [uid] = await uidsOf("INBOX", "act 3");
    const moved = await moveMessages(bob, { folder: "INBOX", selection: { uids: [uid] }, to: "Archive" });
    expect(moved.folder).toBe("Archive");
    expect(moved.uids).toHaveLength(1);
    expect(await subjects("Archive")).toEqual(["act 3"]);
    expect(await subjects("INBOX")).not.toContain("act 3");
    await moveMessages(bob, { folder: "Archive", selection: { uids: moved.uids }, to: "INBOX" });
    expect(await subjects("INBOX")).toContain("act 3");
    expect(await subjects("Archive")).toEqual([]);
  });

  it("falls back to COPY + \\Deleted + EXPUNGE on a server without MOVE", async () => {
    await withConnection(bob, async (client) => {
      client.capabilities.delete("MOVE"); // as a server without RFC 6851 would advertise
    });
    try {
      const [uid] = await uidsOf("INBOX", "act 4");
      const moved = await moveMessages(bob, { folder: "INBOX", selection: { uids: [uid] }, to: "Archive" });
      expect(moved.uids).toHaveLength(1);
      expect(await subjects("Archive")).toEqual(["act 4"]);
      expect(await subjects("INBOX")).not.toContain("act 4");
    } finally {
      await withConnection(bob, async (client) => getPool().discard(bob.sessionId, client));
    }
  });

  it("refuses a folder that does not exist and leaves the messages alone", async () => {
    const [uid] = await uidsOf("INBOX", "act 5");
    await expect(moveMessages(bob, { folder: "INBOX", selection: { uids: [uid] }, to: "Nowhere" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await subjects("INBOX")).toContain("act 5");
  });
});

describe("copy", () => {
  it("copies into another folder, keeps the original, and the copy can be removed for good", async () => {
    const [uid] = await uidsOf("INBOX", "act 1");
    const copied = await copyMessages(bob, { folder: "INBOX", selection: { uids: [uid] }, to: "Archive" });
    expect(copied.uids).toHaveLength(1);
    expect(await subjects("INBOX")).toContain("act 1");
    expect(await subjects("Archive")).toContain("act 1");
    // Undo of a copy: the new message goes away for good, not into Trash.
    await deleteMessages(bob, { folder: "Archive", selection: { uids: copied.uids }, permanent: true });
    expect(await subjects("Archive")).not.toContain("act 1");
    expect(await subjects("Trash")).not.toContain("act 1");
  });
});

describe("delete", () => {
  it("moves to Trash first; in Trash it needs confirmation, then removes for good", async () => {
    const [uid] = await uidsOf("INBOX", "act 5");
    const first = await deleteMessages(bob, { folder: "INBOX", selection: { uids: [uid] } });
    expect(first.kind).toBe("trashed");
    expect(await subjects("Trash")).toEqual(["act 5"]);
    const [trashed] = await uidsOf("Trash", "act 5");
    await expect(deleteMessages(bob, { folder: "Trash", selection: { uids: [trashed] } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await subjects("Trash")).toEqual(["act 5"]);
    expect(await deleteMessages(bob, { folder: "Trash", selection: { uids: [trashed] }, permanent: true })).toEqual({ kind: "expunged", count: 1 });
    expect(await subjects("Trash")).toEqual([]);
  });
});

describe("quota", () => {
  it("reads the usage and the limit from GETQUOTAROOT", async () => {
    const q = await getQuota(bob);
    expect(q).toMatchObject({ limitBytes: 100 * 1024 * 1024 });
    expect(q!.usedBytes).toBeGreaterThan(0);
  });
});
