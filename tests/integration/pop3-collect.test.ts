import net from "node:net";
import type { ImapFlow } from "imapflow";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readStoredError } from "@/lib/http/stored-error";
import { collectPop3Account } from "@/lib/collect/collect-pop3-account";
import { collectDueAccounts } from "@/lib/collect/collect-schedule";
import { addPop3Account, getPop3Account, type Pop3AccountInput } from "@/lib/collect/pop3-account-store";
import { getDb } from "@/lib/db/client";
import { addListEntry, removeListEntry } from "@/lib/spam/spam-store";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { listMessages } from "@/lib/pop3/commands/list-messages";
import { quit, retrieveMessage } from "@/lib/pop3/commands/retrieve";
import { Pop3ResponseError } from "@/lib/pop3/errors";
import { openPop3Session } from "@/lib/pop3/open-pop3-session";
import { ALICE, outcomeOf, signInAs } from "./helpers";
import { raw } from "./lab-mailbox";

// POP3 collection through Postern's own path against the lab's Dovecot: the source is the lab user
// pop3@example.test (its INBOX, filled here over IMAP), the target a fresh folder of alice's.
const POP3_PORT = Number(process.env.LAB_POP3_PORT ?? 3110);
const POP3S_PORT = Number(process.env.LAB_POP3S_PORT ?? POP3_PORT + 885); // mail-lab/lab's default
const SOURCE = { email: "pop3@example.test", password: "pop3-pass" };
const FOLDER = `Collected-${process.pid}`;
const DAY = 86_400_000;

let alice: ImapIdentity;

const emptySource = () =>
  raw(SOURCE, async (c) => {
    const lock = await c.getMailboxLock("INBOX");
    try {
      await c.messageDelete("1:*").catch(() => undefined);
    } finally {
      lock.release();
    }
  });

const deliverToSource = (subjects: string[]) =>
  raw(SOURCE, async (c) => {
    for (const s of subjects) {
      await c.append("INBOX", Buffer.from(`From: someone@example.org\r\nTo: pop3@example.test\r\nSubject: ${s}\r\nMessage-ID: <${s}@test>\r\n\r\nBody of ${s}\r\n.dot line\r\n`));
    }
  });

const inFolder = (c: ImapFlow, subject: string) =>
  c.getMailboxLock(FOLDER).then(async (lock) => {
    try {
      return (await c.search({ subject }, { uid: true })) || [];
    } finally {
      lock.release();
    }
  });
const countInFolder = (subject: string) => raw(ALICE, (c) => inFolder(c, subject)).then((u) => u.length);
const sourceCount = () => raw(SOURCE, async (c) => {
  const status = await c.status("INBOX", { messages: true });
  return status ? (status.messages ?? 0) : 0;
});

const account = (over: Partial<Pop3AccountInput> = {}) =>
  addPop3Account(ALICE.email, {
    host: "localhost",
    port: POP3_PORT,
    security: "starttls",
    auth: "user",
    credentials: { user: SOURCE.email, pass: SOURCE.password },
    folder: FOLDER,
    deleteAfterDays: null,
    ...over,
  }).then((id) => getPop3Account(ALICE.email, id));

beforeAll(async () => {
  alice = await signInAs(ALICE);
  await raw(ALICE, async (c) => {
    await c.mailboxDelete(FOLDER).catch(() => undefined);
    await c.mailboxCreate(FOLDER);
  });
});
afterAll(async () => {
  await raw(ALICE, (c) => c.mailboxDelete(FOLDER).catch(() => undefined));
  await emptySource();
});
beforeEach(emptySource);

describe("the POP3 client against Dovecot", () => {
  it("signs in with APOP (the collection tests use USER/PASS over STLS), lists by UIDL and retrieves dot-unstuffed", async () => {
    await deliverToSource(["client-apop"]);
    const tls = { rejectUnauthorized: true, ca: undefined, servername: "localhost" };
    const conn = await openPop3Session({ host: "127.0.0.1", port: POP3_PORT, security: "none", tls, auth: "apop", user: SOURCE.email, pass: SOURCE.password });
    const [m] = await listMessages(conn);
    expect(m.uidl).toMatch(/^[0-9A-F]{16}$/i); // the lab's pop3_uidl_format
    const raw = (await retrieveMessage(conn, m.number, 1 << 20)).toString("latin1");
    expect(raw).toContain("Subject: client-apop\r\n");
    expect(raw).toContain("\r\n.dot line\r\n");
    expect(raw.endsWith("\r\n")).toBe(true);
    await quit(conn);
  });
});

describe("collecting a POP3 account", () => {
  it("stores new messages in the chosen folder, and nothing twice on the next run", async () => {
    await deliverToSource(["collect-a", "collect-b"]);
    const acc = await account();
    const first = await collectPop3Account(alice, acc);
    expect(first).toMatchObject({ ran: true, collected: 2, deleted: 0 });
    expect(await countInFolder("collect-a")).toBe(1);
    expect(await countInFolder("collect-b")).toBe(1);
    const stored = await raw(ALICE, async (c) => {
      const [uid] = await inFolder(c, "collect-a");
      await c.mailboxOpen(FOLDER);
      const m = await c.fetchOne(String(uid), { source: true }, { uid: true });
      return m ? String(m.source) : "";
    });
    expect(stored).toMatch(/^X-Postern-Pop3-Uidl: [^\r\n]+;\r\n/);

    await deliverToSource(["collect-c"]);
    const second = await collectPop3Account(alice, acc);
    expect(second).toMatchObject({ ran: true, collected: 1 });
    expect(await countInFolder("collect-a")).toBe(1);
    expect(await countInFolder("collect-c")).toBe(1);
    expect(await sourceCount()).toBe(3); // left on the server
    const shown = await getPop3Account(ALICE.email, acc.id);
    expect(shown.lastSuccessAt).not.toBeNull();
    expect(shown.lastError).toBeNull();
  });

  it("collects over TLS from the first byte (a port 995 server), checking the server's certificate", async () => {
    await deliverToSource(["collect-tls"]);
    const acc = await account({ port: POP3S_PORT, security: "tls" });
    expect(await collectPop3Account(alice, acc)).toMatchObject({ ran: true, collected: 1 });
    expect(await countInFolder("collect-tls")).toBe(1);
  });

  it("deletes from the server N days after storing, then forgets the UIDLs", async () => {
    await deliverToSource(["delete-later"]);
    const acc = await account({ deleteAfterDays: 3 });
    const now = new Date();
    expect(await collectPop3Account(alice, acc, { now })).toMatchObject({ collected: 1, deleted: 0 });
    expect(await collectPop3Account(alice, acc, { now: new Date(now.getTime() + 2 * DAY) })).toMatchObject({ collected: 0, deleted: 0 });
    expect(await sourceCount()).toBe(1);
    expect(await collectPop3Account(alice, acc, { now: new Date(now.getTime() + 3 * DAY + 1000) })).toMatchObject({ collected: 0, deleted: 1 });
    expect(await sourceCount()).toBe(0);
    expect(await countInFolder("delete-later")).toBe(1);
    await collectPop3Account(alice, acc);
    expect(await getDb().pop3Seen.count({ where: { pop3AccountId: acc.id } })).toBe(0);
  });

  it("deletes right after storing with 0 days", async () => {
    await deliverToSource(["delete-now"]);
    const acc = await account({ deleteAfterDays: 0 });
    expect(await collectPop3Account(alice, acc)).toMatchObject({ collected: 1, deleted: 1 });
    expect(await sourceCount()).toBe(0);
    expect(await countInFolder("delete-now")).toBe(1);
  });

  it("resumes an interrupted fetch without losing or duplicating a message", async () => {
    await deliverToSource(["resume-normal", "crash-after-append", "crash-before-append"]);
    const acc = await account({ deleteAfterDays: 0 });
    expect(await collectPop3Account(alice, acc, { maxMessages: 1 })).toMatchObject({ collected: 1, deleted: 1, more: true });
    // a run then noted its intent for the two left and died: after the APPEND of the first,
    // before the APPEND of the second
    const [afterAppend, beforeAppend] = await listUidls();
    await getDb().pop3Seen.createMany({ data: [afterAppend, beforeAppend].map((uidl) => ({ pop3AccountId: acc.id, uidl, state: "pending" })) });
    await raw(ALICE, (c) => c.append(FOLDER, Buffer.from(`X-Postern-Pop3-Uidl: ${acc.id}/${afterAppend};\r\nSubject: crash-after-append\r\n\r\nx\r\n`)));
    expect(await collectPop3Account(alice, acc)).toMatchObject({ collected: 2, deleted: 2 });
    expect(await countInFolder("resume-normal")).toBe(1);
    expect(await countInFolder("crash-after-append")).toBe(1);
    expect(await countInFolder("crash-before-append")).toBe(1);
    expect(await sourceCount()).toBe(0);
  });

  it("runs one fetch of an account at a time: a second one at once does nothing", async () => {
    await deliverToSource(["concurrent-1", "concurrent-2", "concurrent-3"]);
    const acc = await account();
    const [a, b] = await Promise.all([collectPop3Account(alice, acc), collectPop3Account(alice, acc)]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect(a.collected + b.collected).toBe(3);
    for (const s of ["concurrent-1", "concurrent-2", "concurrent-3"]) expect(await countInFolder(s)).toBe(1);
    // a claim another process holds: nothing is done until its lease runs out
    await getDb().pop3FetchLease.create({ data: { account: acc.id, token: "another-process", until: new Date(Date.now() + 60_000) } });
    await deliverToSource(["concurrent-4"]);
    expect((await collectPop3Account(alice, acc)).ran).toBe(false);
    await getDb().pop3FetchLease.update({ where: { account: acc.id }, data: { until: new Date(Date.now() - 1) } });
    expect(await collectPop3Account(alice, acc)).toMatchObject({ ran: true, collected: 1 });
  });

  it("says when the server is gone", async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const port = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const acc = await account({ port: closed, security: "none" });
    expect(await outcomeOf(collectPop3Account(alice, acc))).toBe("POP3_UNAVAILABLE");
  });

  it("skips for good a message larger than its LIST size said, and collects the others", async () => {
    // a server that understates one message's size (LIST 10 octets, RETR 5000)
    const messages: Record<string, string> = { "1": `Subject: liar-big\r\n\r\n${"x".repeat(5000)}\r\n`, "2": "Subject: liar-small\r\n\r\nhi\r\n" };
    const server = net.createServer((s) => {
      s.on("error", () => undefined);
      s.write("+OK fake\r\n");
      let buf = "";
      s.on("data", (d) => {
        buf += d.toString("latin1");
        for (let i; (i = buf.indexOf("\r\n")) >= 0; ) {
          const [cmd, arg] = buf.slice(0, i).split(" ");
          buf = buf.slice(i + 2);
          if (cmd === "CAPA") s.write("+OK\r\nUSER\r\nUIDL\r\n.\r\n");
          else if (cmd === "UIDL") s.write("+OK\r\n1 big\r\n2 small\r\n.\r\n");
          else if (cmd === "LIST") s.write("+OK\r\n1 10\r\n2 10\r\n.\r\n");
          else if (cmd === "RETR") s.write(`+OK\r\n${messages[arg]}.\r\n`);
          else if (cmd === "QUIT") s.end("+OK bye\r\n");
          else s.write("+OK\r\n");
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const acc = await account({ port: (server.address() as net.AddressInfo).port, security: "none" });
      expect(await outcomeOf(collectPop3Account(alice, acc, { maxMessageBytes: 1000 }))).toBe("MESSAGE_TOO_LARGE");
      expect(await collectPop3Account(alice, acc, { maxMessageBytes: 1000 })).toMatchObject({ collected: 1, tooLarge: 1 });
      expect(await countInFolder("liar-small")).toBe(1);
      expect(await countInFolder("liar-big")).toBe(0);
    } finally {
      server.close();
    }
  });

  it("refuses a typed 127.0.0.1 and never connects to it", async () => {
    let connections = 0;
    const trap = net.createServer((s) => {
      connections++;
      s.end("+OK trap\r\n");
    });
    await new Promise<void>((r) => trap.listen(0, "127.0.0.1", r));
    try {
      const acc = await account({ host: "127.0.0.1", port: (trap.address() as net.AddressInfo).port, security: "none" });
      expect(await outcomeOf(collectPop3Account(alice, acc))).toBe("HOST_REFUSED");
      expect(connections).toBe(0);
    } finally {
      trap.close();
    }
  });
});

describe("collection on a schedule, and the spam filter", () => {
  it("fetches due accounts of users with a live session, and not again before the interval", async () => {
    await getDb().pop3Account.deleteMany({ where: { owner: ALICE.email } });
    await deliverToSource(["scheduled-1"]);
    const acc = await account();
    await getDb().session.update({ where: { id: alice.sessionId }, data: { lastSeenAt: new Date() } });
    expect(await collectDueAccounts()).toBe(1);
    expect(await countInFolder("scheduled-1")).toBe(1);
    await deliverToSource(["scheduled-2"]);
    expect(await collectDueAccounts()).toBe(0); // tried a moment ago
    expect(await collectDueAccounts(new Date(Date.now() + 10 * 60_000))).toBe(1);
    expect(await countInFolder("scheduled-2")).toBe(1);
    await getDb().pop3Account.deleteMany({ where: { id: acc.id } });
  });

  it("judges mail collected into another folder like INBOX mail: a blocked sender goes to Junk", async () => {
    const block = { kind: "block" as const, pattern: "blocked-pop3.example" };
    await addListEntry(ALICE.email, block);
    try {
      await raw(SOURCE, (c) => c.append("INBOX", Buffer.from("From: x@blocked-pop3.example\r\nSubject: pop3-blocked\r\nMessage-ID: <pop3-blocked@x>\r\n\r\nbuy\r\n")));
      await deliverToSource(["pop3-welcome"]);
      const acc = await account();
      expect(await collectPop3Account(alice, acc)).toMatchObject({ collected: 2 });
      expect(await countInFolder("pop3-welcome")).toBe(1);
      expect(await countInFolder("pop3-blocked")).toBe(0);
      const inJunk = await raw(ALICE, async (c) => {
        const lock = await c.getMailboxLock("Junk");
        try {
          const uids = (await c.search({ subject: "pop3-blocked" }, { uid: true })) || [];
          if (uids.length) await c.messageDelete(uids.join(","), { uid: true });
          return uids.length;
        } finally {
          lock.release();
        }
      });
      expect(inJunk).toBe(1);
    } finally {
      await removeListEntry(ALICE.email, block);
    }
  });
});

// Last: Dovecot slows every login from 127.0.0.1 for a few seconds after a failed one.
describe("wrong passwords", () => {
  it("says the password is wrong, and shows it on the account", async () => {
    const acc = await account({ credentials: { user: SOURCE.email, pass: "wrong" } });
    expect(await outcomeOf(collectPop3Account(alice, acc))).toBe("POP3_AUTH_FAILED");
    // kept as its code (said in the reader's language on the page) and the English message
    const stored = readStoredError((await getPop3Account(ALICE.email, acc.id)).lastError ?? "");
    expect(stored).toMatchObject({ code: "POP3_AUTH_FAILED", message: expect.stringMatching(/did not accept the user name and password/) });
    const tls = { rejectUnauthorized: true };
    const apop = openPop3Session({ host: "127.0.0.1", port: POP3_PORT, security: "none", tls, auth: "apop", user: SOURCE.email, pass: "nope" });
    await expect(apop).rejects.toBeInstanceOf(Pop3ResponseError);
  });

});

async function listUidls(): Promise<string[]> {
  const conn = await openPop3Session({
    host: "127.0.0.1",
    port: POP3_PORT,
    security: "none",
    tls: { rejectUnauthorized: true },
    auth: "user",
    user: SOURCE.email,
    pass: SOURCE.password,
  });
  try {
    return (await listMessages(conn)).map((m) => m.uidl);
  } finally {
    await quit(conn);
  }
}
