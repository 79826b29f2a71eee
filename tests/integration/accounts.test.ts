import { describe, expect, it } from "vitest";
import { addAccount } from "@/lib/accounts/add-account";
import { countAccountCheck } from "@/lib/accounts/account-check-limit";
import { getAccount, listAccounts, removeAccount } from "@/lib/accounts/account-store";
import type { MailAccountInput, UserServer } from "@/lib/accounts/account-types";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { accountIdentity } from "@/lib/accounts/account-identity";
import { listFolders } from "@/lib/imap/list-folders";
import { listMessages } from "@/lib/imap/list-messages";
import { listUnifiedInbox } from "@/lib/imap/list-unified-inbox";
import { openMessage } from "@/lib/imap/open-message";
import { getPool } from "@/lib/imap/session-pool";
import { ALICE, BOB, freshIp, outcomeOf, signInAs } from "./helpers";
import { findIn, raw, removeMatching, waitFor } from "./lab-mailbox";
import { accountSender } from "@/lib/accounts/account-sender";
import { EMPTY_CONTEXT } from "@/lib/compose/compose-types";
import { queueMessage } from "@/lib/compose/queue-message";
import { getQueued } from "@/lib/outbox/outbox";
import { OutboxWorker } from "@/lib/outbox/outbox-worker";
import { getSendLimit } from "@/lib/smtp/size-limit";

const CAROL = { email: "carol@example.test", password: "carol-pass" };

// Adding another mailbox through Postern's own path (lib/accounts) against the lab's Dovecot and
// Postfix, typed as a user would: the lab is "localhost", which the tests' INTERNAL_HOSTS allows.
const IMAP_PORT = Number(process.env.LAB_IMAP_PORT ?? 3143);
const SMTP_PORT = Number(process.env.LAB_SUBMISSION_PORT ?? 3587);
const owner = () => `owner-${Math.random().toString(36).slice(2)}@example.test`;
const imap: UserServer = { host: "localhost", port: IMAP_PORT, security: "starttls" };
const smtp: UserServer = { host: "localhost", port: SMTP_PORT, security: "starttls" };
const bob = (over: Partial<MailAccountInput> = {}): MailAccountInput => ({ label: "Bob at the lab", user: BOB.email, pass: BOB.password, imap, smtp, ...over });

describe("adding another account", () => {
  it("signs in to IMAP and SMTP, stores the account with its password sealed, and removes both", async () => {
    const me = owner();
    const id = await addAccount(me, bob(), freshIp());
    expect(await listAccounts(me)).toEqual([{ id, label: "Bob at the lab", user: BOB.email, imap, smtp }]);
    expect((await getAccount(me, id)).credentials).toEqual({ user: BOB.email, pass: BOB.password });
    const row = await getDb().mailAccount.findUniqueOrThrow({ where: { id } });
    expect(row.sealedCredentials).not.toContain(BOB.password);
    // another owner cannot use it, even with its id
    expect(await outcomeOf(getAccount(owner(), id))).toBe("NOT_FOUND");
    // a row moved to another owner does not decrypt there (the sealing is bound to the owner)
    const thief = owner();
    await getDb().mailAccount.update({ where: { id }, data: { owner: thief } });
    expect(await outcomeOf(getAccount(thief, id))).toBe("NOT_FOUND");
    await getDb().mailAccount.update({ where: { id }, data: { owner: me } });

    expect(await removeAccount(me, id)).toBe(true);
    expect(await listAccounts(me)).toEqual([]);
    expect(await getDb().mailAccount.count({ where: { id } })).toBe(0);
  });

  it("says the password is wrong, and stores nothing", async () => {
    const me = owner();
    const e = await addAccount(me, bob({ pass: "not-bobs-password" }), freshIp()).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "INVALID_CREDENTIALS", message: expect.stringMatching(/did not accept the user name or password/) });
    expect(await listAccounts(me)).toEqual([]);
  });

  it("says a server cannot be reached, and names a TLS failure as such", async () => {
    const down = await addAccount(owner(), bob({ imap: { ...imap, port: 1 } }), freshIp()).catch((x: unknown) => x);
    expect(down).toMatchObject({ code: "IMAP_UNAVAILABLE", message: expect.stringMatching(/localhost:1 cannot be reached/) });
    // TLS from the first byte to a port that speaks plain IMAP first
    const tls = await addAccount(owner(), bob({ imap: { ...imap, security: "tls" } }), freshIp()).catch((x: unknown) => x);
    expect(tls).toMatchObject({ code: "IMAP_UNAVAILABLE", message: expect.stringMatching(/certificate or TLS/) });
    const smtpDown = await addAccount(owner(), bob({ smtp: { ...smtp, port: 1 } }), freshIp()).catch((x: unknown) => x);
    expect(smtpDown).toMatchObject({ code: "SMTP_UNAVAILABLE", message: expect.stringMatching(/SMTP\) server localhost:1 cannot be reached/) });
  });

  it.each(["127.0.0.1", "10.0.0.1", "[::1]"])("refuses the typed server %s with HOST_REFUSED, never connecting", async (host) => {
    const me = owner();
    const started = Date.now();
    expect(await outcomeOf(addAccount(me, bob({ imap: { ...imap, host } }), freshIp()))).toBe("HOST_REFUSED");
    expect(await outcomeOf(addAccount(me, bob({ smtp: { ...smtp, host } }), freshIp()))).toBe("HOST_REFUSED");
    // 10.0.0.1 would time out if a connection were tried
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await listAccounts(me)).toEqual([]);
  });

  it("limits how often one user checks accounts, in the shared database", async () => {
    const me = owner();
    for (let i = 0; i < getConfig().ACCOUNT_CHECKS_PER_15_MIN; i++) await countAccountCheck(me);
    expect(await outcomeOf(addAccount(me, bob(), freshIp()))).toBe("RATE_LIMITED");
    // someone else is not slowed
    expect(await outcomeOf(countAccountCheck(owner()))).toBe("ok");
  });
});

describe("reading an added account", () => {
  it("lists its folders and INBOX and opens its message on its own connection, apart from the session's own mailbox", async () => {
    const alice = await signInAs(ALICE);
    const session = { id: alice.sessionId, email: ALICE.email, clientIp: alice.clientIp };
    const subject = `For bob's other reader ${Date.now()}`;
    await raw(BOB, (c) => c.append("INBOX", `From: carol@example.test\r\nTo: bob@example.test\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\n\r\nHello Bob.\r\n`));
    try {
      const id = await addAccount(ALICE.email, bob(), freshIp());
      const other = await accountIdentity(session, id);
      const folders = await listFolders(other);
      expect(folders.map((f) => f.path)).toContain("INBOX");
      const page = await listMessages(other, { folder: "INBOX", page: 1 });
      const row = page.messages.find((m) => m.subject === subject)!;
      expect(row).toBeDefined();
      const opened = await openMessage(other, { folder: "INBOX", uid: row.uid });
      expect(opened.message?.subject).toBe(subject);
      // the session's own INBOX is still alice's, on another connection
      const own = await listMessages(alice, { folder: "INBOX", page: 1 });
      expect(own.messages.some((m) => m.subject === subject)).toBe(false);
      expect(await getPool().get(other)).not.toBe(await getPool().get(alice));

      // the unified inbox: both INBOXes, newest first, each row marked with its mailbox
      const unified = await listUnifiedInbox(
        [
          { key: null, label: ALICE.email, identity: alice },
          { key: id, label: "Bob", identity: other },
        ],
        { page: 1, pageSize: 10 },
      );
      expect(unified.failed).toEqual([]);
      expect(unified.total).toBe(own.total + page.total);
      expect(unified.messages).toHaveLength(10);
      expect(unified.messages[0]).toMatchObject({ subject, source: 1 });
      expect(unified.messages.filter((m) => m.source === 0).length).toBeGreaterThan(0);
      const second = await listUnifiedInbox([{ key: null, label: ALICE.email, identity: alice }, { key: id, label: "Bob", identity: other }], { page: 2, pageSize: 10 });
      const seen = new Set(unified.messages.map((m) => `${m.source}:${m.uid}`));
      expect(second.messages.some((m) => seen.has(`${m.source}:${m.uid}`))).toBe(false);

      await removeAccount(ALICE.email, id);
      expect(await outcomeOf(accountIdentity(session, id))).toBe("NOT_FOUND");
    } finally {
      await removeMatching(BOB, ["INBOX"], subject);
    }
  });

  it("shows the other mailboxes when one cannot be read", async () => {
    const alice = await signInAs(ALICE);
    const broken = { ...alice, credentials: { user: BOB.email, pass: BOB.password }, account: { id: "gone", server: { host: "localhost", port: 1, security: "none" as const } } };
    const unified = await listUnifiedInbox(
      [
        { key: null, label: ALICE.email, identity: alice },
        { key: "gone", label: "Gone", identity: broken },
      ],
      { page: 1, pageSize: 5 },
    );
    expect(unified.messages).toHaveLength(5);
    expect(unified.failed).toEqual([{ source: 1, message: expect.stringMatching(/cannot be reached/) }]);
  });
});

describe("sending from an added account", () => {
  it("goes out through the account's own SMTP server as its address, its Sent copy in its own mailbox", async () => {
    const alice = await signInAs(ALICE);
    const session = { id: alice.sessionId, email: ALICE.email, clientIp: alice.clientIp };
    const id = await addAccount(ALICE.email, bob(), freshIp());
    const subject = `Sent from bob's account by alice ${Date.now()}`;
    try {
      const other = await accountIdentity(session, id);
      const gone = new OutboxWorker();
      gone.stop();
      const queued = await queueMessage(
        other,
        { from: accountSender(BOB.email), to: "carol@example.test", cc: "", bcc: "", subject, body: "hello", kept: [], uploads: [], context: EMPTY_CONTEXT, draft: null },
        { limit: await getSendLimit(), delayMs: 0 },
        gone,
      );
      if (!queued.ok) throw queued.error;
      await new OutboxWorker().tick();
      const got = await waitFor(CAROL, "INBOX", subject);
      expect(got.source.toString()).toMatch(/^From: bob@example\.test/im);
      // the job files the Sent copy after the server accepted the message
      await expect.poll(async () => (await getQueued(queued.job.id, BOB.email))?.state, { timeout: 20_000 }).toBe("sent");
      expect((await findIn(BOB, "Sent", subject)).length).toBe(1);
      expect((await findIn(ALICE, "Sent", subject)).length).toBe(0);
    } finally {
      await removeAccount(ALICE.email, id);
      await removeMatching(BOB, ["Sent", "Drafts"], subject);
      await removeMatching(CAROL, ["INBOX"], subject);
    }
  });
});
