import crypto from "node:crypto";
import fs from "node:fs";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as revealRoute } from "@/app/api/r/reveal/route";
import { EMPTY_CONTEXT } from "@/lib/compose/compose-types";
import { prepareCompose } from "@/lib/compose/prepare-compose";
import { queueMessage } from "@/lib/compose/queue-message";
import { saveDraft } from "@/lib/compose/save-draft";
import type { ComposeSubmission } from "@/lib/compose/submission";
import { submitMessage } from "@/lib/compose/submit-message";
import { databaseProvider, getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { fromBase64Url } from "@/lib/read-links/base64url";
import { deliverInboxNotices, unseenOpenings, markOpeningsSeen } from "@/lib/read-links/opening-notices";
import { readLinkInboxNotice } from "@/lib/read-links/read-link-settings";
import { createReadLink, listReceipts, pageReceipts, purgeReadLinks, REVEAL_RETRY_MS, revokeReadLink } from "@/lib/read-links/read-link-store";
import { revealReadLink, visitReadLink } from "@/lib/read-links/reveal-link";
import { readLinkKey, unseal } from "@/lib/read-links/seal";
import { decodeSealedMessage } from "@/lib/read-links/sealed-message";
import { READ_LINKS_HEADER, type ReadLinkContext } from "@/lib/read-links/send-read-links";
import { setSetting } from "@/lib/settings/account-settings";
import { getQueued, undoQueued } from "@/lib/outbox/outbox";
import { OutboxWorker } from "@/lib/outbox/outbox-worker";
import { getSendLimit } from "@/lib/smtp/size-limit";
import { ALICE, BOB, signInAs } from "./helpers";
import { findIn, removeMatching, waitFor } from "./lab-mailbox";

// alice sends to bob "with read confirmation" through the lab's real submission server; bob's
// copy is read over IMAP; the link is opened through the real reveal route handler.
const TAG = crypto.randomBytes(4).toString("hex");
const SECRET_TEXT = `The vault code is ${crypto.randomBytes(6).toString("hex")}.`;
const ATTACHMENT = Buffer.concat([Buffer.from("%PDF-1.4 secret-attachment-marker "), crypto.randomBytes(40_000)]);
const BASE = "http://postern.test";
const LINK = /http:\/\/postern\.test\/r\/([A-Za-z0-9_-]{22})#([A-Za-z0-9_-]{43})/;

let alice: ImapIdentity;
let limit: number;
const ctx: ReadLinkContext = { account: ALICE.email, baseUrl: BASE, expiresInDays: 30 };
let ipCounter = 1;

function submission(over: Partial<ComposeSubmission>): ComposeSubmission {
  return { from: { name: "Alice Liddell", address: ALICE.email }, to: "", cc: "", bcc: "", subject: "", body: "", kept: [], uploads: [], context: EMPTY_CONTEXT, draft: null, readLink: true, ...over };
}

/** A POST as the reveal page's fetch sends it, from its own client address. */
function reveal(token: string, ip = `10.9.0.${ipCounter++}`, extra: { retry?: string; done?: true } = {}): Promise<Response> {
  return revealRoute(
    new Request(`${BASE}/api/r/reveal`, {
      method: "POST",
      headers: {
        origin: BASE,
        host: "postern.test",
        "x-postern-request": "1",
        "content-type": "application/json",
        "x-postern-client-ip": ip,
        "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
      },
      body: JSON.stringify({ token, ...extra }),
    }),
  );
}

const visitor = () => ({ ip: `10.8.0.${ipCounter++}`, userAgent: "curl/8" });

/** Every byte SQLite holds, the write-ahead log included; with PostgreSQL, every row of every table. */
async function databaseBytes(): Promise<string> {
  if (databaseProvider() === "postgresql") {
    const db = getDb();
    const tables = await db.$queryRaw<{ name: string }[]>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`;
    const rows = await Promise.all(tables.map((t) => db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${t.name}"`)));
    return rows.flat().flatMap((r) => Object.values(r).map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString("latin1") : String(v)))).join("\n");
  }
  const file = getConfig().databaseFile;
  return [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString("latin1")).join("");
}

/** A link made directly in the store (the state tests need no mail). */
async function directLink(expiresAt = new Date(Date.now() + 3600_000)) {
  const id = crypto.randomBytes(16).toString("base64url");
  return createReadLink({
    id,
    account: ALICE.email,
    messageId: `<${id}@example.test>`,
    recipient: BOB.email,
    sender: { name: "Alice", address: ALICE.email },
    message: { from: { name: "Alice", address: ALICE.email }, to: [{ name: "", address: BOB.email }], cc: [], date: new Date().toISOString(), subject: `Direct ${TAG}`, text: "direct", files: [] },
    expiresAt,
  });
}

beforeAll(async () => {
  alice = await signInAs(ALICE);
  limit = await getSendLimit();
});
afterAll(async () => {
  await removeMatching(BOB, ["INBOX"], TAG);
  await removeMatching(ALICE, ["INBOX", "Sent", "Drafts"], TAG);
  await getPool().closeAll();
});

describe("the notice's subject", () => {
  it("is neutral by default: the sealed message's subject never travels in clear", async () => {
    const tag = crypto.randomBytes(4).toString("hex");
    const sender = `Alice ${tag}`;
    const secretSubject = `Merger with Initech ${tag}`;
    const outcome = await submitMessage(alice, submission({ from: { name: sender, address: ALICE.email }, to: BOB.email, subject: secretSubject, body: "sealed" }), limit, ctx);
    expect(outcome).toMatchObject({ ok: true });
    const received = await waitFor(BOB, "INBOX", tag);
    const mail = await simpleParser(received.source);
    expect(mail.subject).toBe(`A message from ${sender}`);
    expect(received.source.toString("latin1")).not.toContain("Initech");
    // Alice's own Sent copy keeps the real subject.
    expect(await findIn(ALICE, "Sent", secretSubject)).toHaveLength(1);
  });
});

describe("sending with a one-time read link", () => {
  const subject = `Quarterly plan ${TAG}`;
  let token = "";
  let key = "";

  it("bob gets an ordinary email with the link and no MDN request; alice's Sent keeps the whole message", async () => {
    const outcome = await submitMessage(
      alice,
      submission({ to: "Bob Martin <bob@example.test>", subject, body: `Hi Bob,\n${SECRET_TEXT}\n`, uploads: [{ filename: "plan.pdf", contentType: "application/pdf", content: ATTACHMENT }] }),
      limit,
      // The sender chose to show the subject (Settings); the default is a neutral one (below).
      { ...ctx, showSubject: true },
    );
    expect(outcome).toMatchObject({ ok: true, delivered: { rejected: [], warnings: [] } });

    const received = await waitFor(BOB, "INBOX", TAG);
    const mail = await simpleParser(received.source);
    expect(mail.subject).toBe(subject);
    expect(mail.from?.value[0]?.address).toBe(ALICE.email);
    const match = LINK.exec(mail.text ?? "");
    expect(match).not.toBeNull();
    [, token, key] = match!;
    expect(mail.html).toContain(`${BASE}/r/${token}#${key}`);
    expect(mail.text).toMatch(/Alice Liddell <alice@example\.test> sent you a message/);
    expect(mail.text).toMatch(/works until .* UTC/);
    expect(mail.headers.has("disposition-notification-to")).toBe(false);
    expect(mail.attachments).toHaveLength(0);
    expect(received.source.toString("latin1")).not.toContain(SECRET_TEXT);

    const [sent] = await findIn(ALICE, "Sent", TAG);
    const sentMail = await simpleParser(sent.source);
    expect(sentMail.text).toContain(SECRET_TEXT);
    expect(sentMail.attachments[0]?.content.equals(ATTACHMENT)).toBe(true);
    const header = String(sentMail.headers.get(READ_LINKS_HEADER.toLowerCase()));
    const [receipt] = await listReceipts(ALICE.email, { messageId: sentMail.messageId });
    expect(header).toBe(`${receipt.id} <bob@example.test>`);
    // A reply to the notice threads with the Sent copy.
    expect([mail.references ?? []].flat()).toContain(sentMail.messageId);
    expect(receipt).toMatchObject({ recipient: "bob@example.test", subject, state: "waiting" });
    expect(Math.abs(receipt.expiresAt.getTime() - (Date.now() + 30 * 864e5))).toBeLessThan(60_000);
    // The Sent copy names the receipt, never the link's secrets.
    expect(sent.source.toString("latin1")).not.toContain(token);
    expect(sent.source.toString("latin1")).not.toContain(key);
  });

  it("the database holds no plaintext of the message, and neither the token nor the key", async () => {
    const db = await databaseBytes();
    expect(db).not.toContain(SECRET_TEXT);
    expect(db).not.toContain("secret-attachment-marker");
    expect(db).not.toContain(subject);
    expect(db).not.toContain(token);
    expect(db).not.toContain(key);
  });

  it("two visits of the page leave it unopened", async () => {
    for (let i = 0; i < 2; i++) {
      const visit = await visitReadLink(token, visitor());
      expect(visit).toMatchObject({ kind: "link", link: { state: "waiting", senderAddress: ALICE.email } });
    }
    // The interstitial's subject is sealed with the link key.
    const visit = await visitReadLink(token, visitor());
    if (visit.kind !== "link") throw new Error("no link");
    const sealedSubject = fromBase64Url(visit.link.sealedSubject!);
    expect(new TextDecoder().decode(await unseal(sealedSubject, readLinkKey(key)!, "subject"))).toBe(subject);
    expect((await listReceipts(ALICE.email)).find((r) => r.subject === subject)?.state).toBe("waiting");
  });

  it("one POST reveals the ciphertext, which the fragment key opens; a second POST gets 410", async () => {
    const res = await reveal(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const ciphertext = new Uint8Array(await res.arrayBuffer());
    const message = decodeSealedMessage(await unseal(ciphertext, readLinkKey(key)!, "message"));
    expect(message.text).toBe(`Hi Bob,\n${SECRET_TEXT}\n`);
    expect(message.subject).toBe(subject);
    expect(message.from).toEqual({ name: "Alice Liddell", address: ALICE.email });
    expect(message.to).toEqual([{ name: "Bob Martin", address: BOB.email }]);
    expect(message.files[0]?.filename).toBe("plan.pdf");
    expect(Buffer.from(message.files[0]!.content).equals(ATTACHMENT)).toBe(true);

    const again = await reveal(token);
    expect(again.status).toBe(410);
    const body = (await again.json()) as { error: { code: string; message: string; state: string } };
    expect(body.error).toMatchObject({ code: "GONE", state: "opened" });
    expect(body.error.message).toMatch(/^This message was opened on /);

    const visit = await visitReadLink(token, visitor());
    expect(visit).toMatchObject({ kind: "link", link: { state: "opened", sealedSubject: null } });
    const row = await getDb().readLink.findUnique({ where: { id: (await listReceipts(ALICE.email)).find((r) => r.subject === subject)!.id } });
    expect(row?.ciphertext).toBeNull();
    expect(row?.openedAgent).toBe("Firefox on Linux");
    expect(row?.openedIp).toBeNull(); // READ_LINK_RECORD_IP is off by default

    // Served once and deleted for good: not even left in SQLite's free pages (secure_delete).
    // (PostgreSQL keeps old row versions until VACUUM: lib/read-links/read-link-store.ts.)
    if (databaseProvider() === "sqlite") {
      await getDb().$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
      const file = fs.readFileSync(getConfig().databaseFile);
      for (const at of [100, 20_000, ciphertext.length - 200]) expect(file.indexOf(Buffer.from(ciphertext.subarray(at, at + 64)))).toBe(-1);
    }
  });

  it("alice is told: receipt opened, in-app notice, and (setting) a message in her INBOX, once", async () => {
    const receipt = (await listReceipts(ALICE.email)).find((r) => r.subject === subject)!;
    expect(receipt.state).toBe("opened");
    expect((await unseenOpenings(ALICE.email)).map((r) => r.id)).toContain(receipt.id);
    // the mail page asks for the openings and the opened message's receipts in one query
    const onPage = await pageReceipts(ALICE.email, receipt.messageId);
    expect(onPage.unseen.map((r) => r.id)).toContain(receipt.id);
    expect(onPage.ofMessage).toEqual(await listReceipts(ALICE.email, { messageId: receipt.messageId }));
    await markOpeningsSeen(ALICE.email);
    expect(await unseenOpenings(ALICE.email)).toEqual([]);
    expect((await pageReceipts(ALICE.email, receipt.messageId)).ofMessage.map((r) => r.id)).toContain(receipt.id);

    await setSetting(ALICE.email, readLinkInboxNotice, true);
    try {
      const [first, second] = await Promise.all([deliverInboxNotices(alice, ALICE.email), deliverInboxNotices(alice, ALICE.email)]);
      expect(first + second).toBe(1);
      expect(await deliverInboxNotices(alice, ALICE.email)).toBe(0);
      const [notice] = await findIn(ALICE, "INBOX", `Opened: ${subject}`);
      expect((await simpleParser(notice.source)).text).toMatch(/bob@example\.test opened your message .* in Firefox on Linux/);
    } finally {
      await setSetting(ALICE.email, readLinkInboxNotice, false);
    }
  });
});

describe("read link hardening", () => {
  it("of 50 concurrent reveals exactly one gets the message", async () => {
    const link = await directLink();
    const answers = await Promise.all(Array.from({ length: 50 }, () => reveal(link.token)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 410)).toHaveLength(49);
  });

  it("an answer lost on the way: the opening browser alone may ask again, for a short time", async () => {
    const link = await directLink();
    const retry = crypto.randomBytes(32).toString("base64url");
    const first = await reveal(link.token, undefined, { retry });
    expect(first.status).toBe(200);
    const bytes = new Uint8Array(await first.arrayBuffer());
    // the connection dropped before the reader saw it: the same browser asks again
    const again = await reveal(link.token, undefined, { retry });
    expect(again.status).toBe(200);
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
    // anyone else, with another secret or none, finds the link opened
    expect((await reveal(link.token, undefined, { retry: crypto.randomBytes(32).toString("base64url") })).status).toBe(410);
    expect((await reveal(link.token)).status).toBe(410);
    expect((await listReceipts(ALICE.email)).find((r) => r.id === link.id)?.state).toBe("opened");
    // once the browser has the message, the content goes at once
    expect((await reveal(link.token, undefined, { retry, done: true })).status).toBe(204);
    expect((await getDb().readLink.findUnique({ where: { id: link.id } }))?.ciphertext).toBeNull();
    expect((await reveal(link.token, undefined, { retry })).status).toBe(410);
  });

  it("the retry window ends by itself: the purge takes the content after it", async () => {
    const link = await directLink();
    const retry = crypto.randomBytes(32).toString("base64url");
    expect((await reveal(link.token, undefined, { retry })).status).toBe(200);
    await purgeReadLinks(new Date());
    expect((await getDb().readLink.findUnique({ where: { id: link.id } }))?.ciphertext, "kept during the window").not.toBeNull();
    const after = new Date(Date.now() + REVEAL_RETRY_MS + 1000);
    expect(await revealReadLink(link.token, visitor(), after, retry)).toMatchObject({ kind: "closed", state: "opened" });
    await purgeReadLinks(after);
    expect((await getDb().readLink.findUnique({ where: { id: link.id } }))?.ciphertext).toBeNull();
  });

  it("an expired link says so, serves nothing, and its content is purged", async () => {
    const link = await directLink(new Date(Date.now() + 60_000));
    const later = new Date(Date.now() + 120_000);
    expect(await visitReadLink(link.token, visitor(), later)).toMatchObject({ kind: "link", link: { state: "expired", sealedSubject: null } });
    expect(await revealReadLink(link.token, visitor(), later)).toMatchObject({ kind: "closed", state: "expired" });
    expect((await getDb().readLink.findUnique({ where: { id: link.id } }))?.ciphertext).not.toBeNull();
    expect(await purgeReadLinks(later)).toBeGreaterThanOrEqual(1);
    expect((await getDb().readLink.findUnique({ where: { id: link.id } }))?.ciphertext).toBeNull();
    expect((await listReceipts(ALICE.email)).find((r) => r.id === link.id)?.state).toBe("waiting"); // not yet expired now
  });

  it("a revoked link says so and serves nothing; only its sender can revoke, only while waiting", async () => {
    const link = await directLink();
    await expect(revokeReadLink(BOB.email, link.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeReadLink(ALICE.email, link.id);
    const res = await reveal(link.token);
    expect(res.status).toBe(410);
    expect(((await res.json()) as { error: { state: string; message: string } }).error).toMatchObject({ state: "revoked", message: expect.stringMatching(/withdrew/) });
    expect((await getDb().readLink.findUnique({ where: { id: link.id } }))?.ciphertext).toBeNull();
    await expect(revokeReadLink(ALICE.email, link.id)).rejects.toMatchObject({ code: "CONFLICT" });

    const opened = await directLink();
    expect((await reveal(opened.token)).status).toBe(200);
    await expect(revokeReadLink(ALICE.email, opened.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already opened/) });
  });

  it("unknown tokens are 404, and an address that keeps guessing is refused for a while", async () => {
    const ip = "10.7.7.7";
    const guess = () => crypto.randomBytes(16).toString("base64url");
    expect((await reveal(guess(), ip)).status).toBe(404);
    for (let i = 0; i < 19; i++) await reveal(guess(), ip);
    const link = await directLink();
    expect((await reveal(link.token, ip)).status).toBe(429);
    expect((await reveal(link.token)).status).toBe(200); // another address is not affected
  });

  it("refuses a reveal that does not come from a Postern page", async () => {
    const res = await revealRoute(new Request(`${BASE}/api/r/reveal`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(res.status).toBe(403);
  });

  it("the option is kept in a draft and comes back with it", async () => {
    const saved = await saveDraft(alice, submission({ to: BOB.email, subject: `Draft ${TAG}`, body: "later", readLinkDays: 7 }), limit);
    expect(await prepareCompose(alice, [ALICE.email], { kind: "draft", ref: saved.draft })).toMatchObject({ readLink: true, readLinkDays: 7 });
    const plain = await saveDraft(alice, submission({ to: BOB.email, subject: `Plain draft ${TAG}`, body: "later", readLink: false }), limit);
    expect((await prepareCompose(alice, [ALICE.email], { kind: "draft", ref: plain.draft })).readLink).toBe(false);
  });

  it("an undone send creates no link", async () => {
    const s = `Undone ${TAG}`;
    const queued = await queueMessage(alice, submission({ to: BOB.email, subject: s, body: "never" }), { limit, delayMs: 60_000, readLinks: ctx }, new OutboxWorker());
    expect(queued.ok).toBe(true);
    if (!queued.ok) return;
    await undoQueued(queued.job.id, ALICE.email);
    expect((await listReceipts(ALICE.email)).filter((r) => r.subject === s)).toEqual([]);
  });

  it("a queued send with read links goes out from the shared outbox: one link per recipient", async () => {
    const s = `Queued link ${TAG}`;
    const queued = await queueMessage(alice, submission({ to: BOB.email, subject: s, body: "from the outbox" }), { limit, delayMs: 50, readLinks: ctx }, new OutboxWorker());
    if (!queued.ok) throw queued.error;
    await expect.poll(async () => (await getQueued(queued.job.id, ALICE.email))?.state, { timeout: 15_000 }).toBe("sent");
    expect((await listReceipts(ALICE.email)).filter((r) => r.subject === s)).toHaveLength(1);
  });

  it("a refused recipient's link is deleted and reported; the others are sent", async () => {
    const s = `Half refused ${TAG}`;
    const outcome = await submitMessage(alice, submission({ to: `bob@example.test, nobody-${TAG}@example.test`, subject: s, body: "x" }), limit, { ...ctx, showSubject: true });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.delivered.rejected.map((r) => r.recipient)).toEqual([`nobody-${TAG}@example.test`]);
    expect((await listReceipts(ALICE.email)).filter((r) => r.subject === s).map((r) => r.recipient)).toEqual(["bob@example.test"]);
    await waitFor(BOB, "INBOX", s);
  });

  it("when nobody can be reached nothing is sent and no link is left", async () => {
    const s = `All refused ${TAG}`;
    const outcome = await submitMessage(alice, submission({ to: `nobody-${TAG}@example.test`, subject: s, body: "x" }), limit, ctx);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe("RECIPIENT_REJECTED");
    expect((await listReceipts(ALICE.email)).filter((r) => r.subject === s)).toEqual([]);
  });
});
