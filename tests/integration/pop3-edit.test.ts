import type { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPop3Account } from "@/lib/collect/collect-pop3-account";
import { editPop3Account, type Pop3AccountEdit } from "@/lib/collect/edit-pop3-account";
import { addPop3Account, deletePop3Account, getPop3Account } from "@/lib/collect/pop3-account-store";
import { getDb } from "@/lib/db/client";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { ALICE, outcomeOf, signInAs } from "./helpers";
import { raw } from "./lab-mailbox";

// Changing a POP3 collection account in place (issue 22) against the lab's Dovecot: its UIDL
// history stays, so a message collected before the change is not collected again after it.
const POP3_PORT = Number(process.env.LAB_POP3_PORT ?? 3110);
const SOURCE = { email: "pop3@example.test", password: "pop3-pass" };
const FIRST = `EditA-${process.pid}`;
const SECOND = `EditB-${process.pid}`;
// an owner of its own: the server checks count against a per-owner limit
const OWNER = `pop3-edit-${Date.now()}@example.test`;

let alice: ImapIdentity;
let id = "";

const emptySource = () =>
  raw(SOURCE, async (c) => {
    const lock = await c.getMailboxLock("INBOX");
    try {
      await c.messageDelete("1:*").catch(() => undefined);
    } finally {
      lock.release();
    }
  });
const deliver = (subject: string) =>
  raw(SOURCE, (c) => c.append("INBOX", Buffer.from(`From: someone@example.org\r\nTo: pop3@example.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject}@test>\r\n\r\nBody\r\n`)));
const count = (folder: string, subject: string) =>
  raw(ALICE, async (c: ImapFlow) => {
    const lock = await c.getMailboxLock(folder);
    try {
      return ((await c.search({ subject }, { uid: true })) || []).length;
    } finally {
      lock.release();
    }
  });
const edit = (over: Partial<Pop3AccountEdit> = {}): Pop3AccountEdit => ({
  host: "localhost",
  port: POP3_PORT,
  security: "starttls",
  auth: "user",
  user: SOURCE.email,
  pass: "",
  folder: SECOND,
  deleteAfterDays: null,
  ...over,
});

beforeAll(async () => {
  alice = await signInAs(ALICE);
  await raw(ALICE, async (c) => {
    for (const f of [FIRST, SECOND]) {
      await c.mailboxDelete(f).catch(() => undefined);
      await c.mailboxCreate(f);
    }
  });
  await emptySource();
  id = await addPop3Account(OWNER, {
    host: "localhost", port: POP3_PORT, security: "starttls", auth: "user", credentials: { user: SOURCE.email, pass: SOURCE.password }, folder: FIRST, deleteAfterDays: null,
  });
});
afterAll(async () => {
  await deletePop3Account(OWNER, id);
  await raw(ALICE, async (c) => {
    for (const f of [FIRST, SECOND]) await c.mailboxDelete(f).catch(() => undefined);
  });
  await emptySource();
});

describe("changing a POP3 account", () => {
  it("keeps what it collected: after a new folder and security, only new mail comes, into the new folder", async () => {
    await deliver("before-edit");
    expect(await collectPop3Account(alice, await getPop3Account(OWNER, id))).toMatchObject({ collected: 1 });
    // a changed server setting is signed in to first: 1 message waits there
    expect(await editPop3Account(OWNER, id, edit({ security: "none" }))).toBe(1);
    const changed = await getPop3Account(OWNER, id);
    expect(changed).toMatchObject({ id, folder: SECOND, security: "none", credentials: { user: SOURCE.email, pass: SOURCE.password } });
    expect(await getDb().pop3Seen.count({ where: { pop3AccountId: id } })).toBe(1);

    await deliver("after-edit");
    expect(await collectPop3Account(alice, changed)).toMatchObject({ collected: 1 });
    expect(await count(FIRST, "before-edit")).toBe(1);
    expect(await count(SECOND, "before-edit")).toBe(0);
    expect(await count(SECOND, "after-edit")).toBe(1);
  });

  it("changes only the folder and keeping without signing in, the stored password kept", async () => {
    expect(await editPop3Account(OWNER, id, edit({ security: "none", folder: FIRST, deleteAfterDays: 3 }))).toBeNull();
    expect(await getPop3Account(OWNER, id)).toMatchObject({ folder: FIRST, deleteAfterDays: 3, credentials: { pass: SOURCE.password } });
  });

  it("is another user's to change never", async () => {
    expect(await outcomeOf(editPop3Account(ALICE.email, id, edit()))).toBe("NOT_FOUND");
  });

  it("refuses an internal server or a wrong password, and changes nothing", async () => {
    const before = await getPop3Account(OWNER, id);
    expect(await outcomeOf(editPop3Account(OWNER, id, edit({ host: "127.0.0.1" })))).toBe("HOST_REFUSED");
    expect(await outcomeOf(editPop3Account(OWNER, id, edit({ pass: "not-the-password" })))).toBe("POP3_AUTH_FAILED");
    expect(await getPop3Account(OWNER, id)).toEqual(before);
  });
});
