import { suggestContacts } from "@/lib/contacts/contact-store";
import crypto from "node:crypto";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_CONTEXT } from "@/lib/compose/compose-types";
import { prepareCompose } from "@/lib/compose/prepare-compose";
import { queueMessage } from "@/lib/compose/queue-message";
import { saveDraft } from "@/lib/compose/save-draft";
import type { ComposeSubmission } from "@/lib/compose/submission";
import { submitMessage } from "@/lib/compose/submit-message";
import { deleteIdentity, findIdentity, listIdentities, saveIdentity } from "@/lib/identities/identity-store";
import { resetConfigForTests } from "@/lib/env";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { getQueued, undoQueued } from "@/lib/outbox/outbox";
import { OutboxWorker } from "@/lib/outbox/outbox-worker";
import { getSendLimit } from "@/lib/smtp/size-limit";
import { ALICE, BOB, signInAs } from "./helpers";
import { findIn, raw, removeMatching, waitFor } from "./lab-mailbox";

// bob sends to carol (and dave in Bcc) through the lab's real submission server; the tests read
// the mailboxes over their own IMAP connections. Subjects carry a per-run tag, so nothing here
// depends on what other files left in these mailboxes.
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const DAVE = { email: "dave@example.test", password: "dave-pass" };
const TAG = crypto.randomBytes(4).toString("hex");
const ATTACHMENT = crypto.randomBytes(70_000); // binary, several base64 lines

let bob: ImapIdentity;
let limit: number;

function submission(over: Partial<ComposeSubmission>): ComposeSubmission {
  return {
    from: { name: "Bob Martin", address: BOB.email },
    to: "",
    cc: "",
    bcc: "",
    subject: "",
    body: "",
    kept: [],
    uploads: [],
    context: EMPTY_CONTEXT,
    draft: null,
    ...over,
  };
}

const headerBlock = (b: Buffer) => b.toString("latin1").slice(0, b.toString("latin1").indexOf("\r\n\r\n"));

beforeAll(async () => {
  bob = await signInAs(BOB);
  limit = await getSendLimit();
});
afterAll(async () => {
  // Leave the lab as found: this run's messages go (other files count some of these folders).
  const remove = (user: typeof CAROL, folders: string[]) => removeMatching(user, folders, TAG);
  await remove(BOB, ["INBOX", "Sent", "Drafts"]);
  await remove(CAROL, ["INBOX"]);
  await remove(DAVE, ["INBOX"]);
  await getPool().closeAll();
});

describe("sending through the lab", () => {
  const subject = `Grüße ${TAG} — déjà vu 🍺`;

  it("reads the server's SIZE limit", () => {
    expect(limit).toBeGreaterThan(1024 * 1024);
    expect(limit).toBeLessThanOrEqual(50 * 1024 * 1024);
  });

  it("delivers to To and Bcc; Sent holds the same bytes plus the Bcc line; the delivered copy has no Bcc", async () => {
    const outcome = await submitMessage(
      bob,
      submission({
        to: "Carol Diaz <carol@example.test>",
        bcc: "dave@example.test",
        subject,
        body: "Hallo Carol,\nschöne Grüße aus München.\n",
        uploads: [{ filename: "data.bin", contentType: "application/octet-stream", content: ATTACHMENT }],
      }),
      limit,
    );
    expect(outcome).toMatchObject({ ok: true, delivered: { rejected: [], warnings: [] } });

    const received = await waitFor(CAROL, "INBOX", TAG);
    const parsed = await simpleParser(received.source);
    expect(parsed.subject).toBe(subject);
    expect(parsed.text).toBe("Hallo Carol,\nschöne Grüße aus München.\n");
    expect(parsed.attachments[0]?.filename).toBe("data.bin");
    expect(parsed.attachments[0]?.content.equals(ATTACHMENT)).toBe(true);
    expect(headerBlock(received.source)).not.toMatch(/^bcc:/im);
    expect(received.source.toString("latin1")).not.toContain("dave@example.test>"); // not in any header

    const [sent] = await findIn(BOB, "Sent", TAG);
    expect(sent.flags.has("\\Seen")).toBe(true);
    expect(headerBlock(sent.source)).toMatch(/^Bcc: dave@example\.test$/m);
    // What carol got is what bob's Sent holds, minus the Bcc line, after the servers' trace fields.
    const withoutBcc = sent.source.toString("latin1").replace(/^Bcc: .*\r\n/m, "");
    expect(received.source.toString("latin1").endsWith(withoutBcc)).toBe(true);

    const bcc = await waitFor(DAVE, "INBOX", TAG);
    expect((await simpleParser(bcc.source)).messageId).toBe(parsed.messageId);
  });

  it("refuses an unknown local recipient by name, sends nothing and keeps the draft", async () => {
    const s = `Unknown ${TAG}`;
    const outcome = await submitMessage(bob, submission({ to: "nobody@example.test", subject: s, body: "Lost?" }), limit);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe("RECIPIENT_REJECTED");
    expect(outcome.error.message).toContain("nobody@example.test");
    expect(outcome.error.message).toMatch(/unknown user/);
    expect(outcome.draft?.draft.folder).toBe("Drafts");
    const drafts = await findIn(BOB, "Drafts", s);
    expect(drafts.map((d) => d.uid)).toEqual([outcome.draft!.draft.uid]);
    expect(drafts[0].flags.has("\\Draft")).toBe(true);
    expect(await findIn(BOB, "Sent", s)).toEqual([]);
  });

  it("sends to the accepted recipients and names the refused one", async () => {
    const s = `Partly ${TAG}`;
    const outcome = await submitMessage(bob, submission({ to: "carol@example.test, nobody2@example.test", subject: s, body: "Half" }), limit);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.delivered.rejected.map((r) => r.recipient)).toEqual(["nobody2@example.test"]);
    expect(outcome.delivered.warnings.map((w) => w.text).join(" ")).toContain("nobody2@example.test: unknown user");
    await waitFor(CAROL, "INBOX", s);
  });

  it("remembers the accepted recipients, with their names, for the composer's suggestions", async () => {
    const s = `Contacts ${TAG}`;
    const outcome = await submitMessage(bob, submission({ to: '"Nguyen, Carol" <carol@example.test>, nobody3@example.test', subject: s, body: "Hi" }), limit);
    expect(outcome.ok).toBe(true);
    expect(await suggestContacts(BOB.email, "ngu")).toEqual([expect.objectContaining({ name: "Nguyen, Carol", address: "carol@example.test" })]);
    // the refused one is no contact
    expect(await suggestContacts(BOB.email, "nobody3")).toEqual([]);
  });

  it("refuses a field that is not an address before talking to the server", async () => {
    const outcome = await submitMessage(bob, submission({ to: "carol@example.test, bob", subject: `Typo ${TAG}` }), limit);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("“bob” is not an email address") });
  });
});

describe("reply and forward", () => {
  let original: number;
  const subject = `Question ${TAG}`;

  beforeAll(async () => {
    const message =
      `From: Carol Diaz <carol@example.test>\r\nTo: bob@example.test, dave@example.test\r\nSubject: ${subject}\r\n` +
      `Message-ID: <q-${TAG}@example.test>\r\nReferences: <root-${TAG}@example.test>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nCan you come?\r\n`;
    await raw(BOB, (c) => c.append("INBOX", message));
    [{ uid: original }] = await findIn(BOB, "INBOX", subject);
  });

  it("reply all quotes the original, sets the thread headers and marks the original \\Answered", async () => {
    const state = await prepareCompose(bob, [BOB.email], { kind: "replyAll", ref: { folder: "INBOX", uid: original } });
    expect(state).toMatchObject({
      to: "Carol Diaz <carol@example.test>, dave@example.test",
      cc: "",
      subject: `Re: ${subject}`,
      context: { kind: "replyAll", original: { folder: "INBOX", uid: original }, inReplyTo: `<q-${TAG}@example.test>` },
    });
    expect(state.body).toBe("\n\nOn Mon, 2 Mar 2026 at 10:00 UTC, Carol Diaz <carol@example.test> wrote:\n> Can you come?\n");
    const outcome = await submitMessage(bob, submission({ ...state, body: `Yes!${state.body}` }), limit);
    expect(outcome.ok).toBe(true);

    const [answered] = await findIn(BOB, "INBOX", subject);
    expect(answered.flags.has("\\Answered")).toBe(true);
    const reply = await simpleParser((await waitFor(CAROL, "INBOX", `Re: ${subject}`)).source);
    expect(reply.inReplyTo).toBe(`<q-${TAG}@example.test>`);
    expect(reply.references).toEqual([`<root-${TAG}@example.test>`, `<q-${TAG}@example.test>`]);
    expect(reply.text).toContain("> Can you come?");
  });

  it("forward carries the original's files and marks it $Forwarded", async () => {
    const sent = await submitMessage(
      bob,
      submission({ to: "bob@example.test", subject: `Files ${TAG}`, uploads: [{ filename: "a.bin", contentType: "application/octet-stream", content: ATTACHMENT }] }),
      limit,
    );
    expect(sent.ok).toBe(true);
    const inbox = await waitFor(BOB, "INBOX", `Files ${TAG}`);
    const state = await prepareCompose(bob, [BOB.email], { kind: "forward", ref: { folder: "INBOX", uid: inbox.uid } });
    expect(state.subject).toBe(`Fwd: Files ${TAG}`);
    expect(state.body).toContain("---------- Forwarded message ----------");
    expect(state.attachments.map((a) => [a.filename, a.size])).toEqual([["a.bin", ATTACHMENT.length]]);
    const outcome = await submitMessage(bob, submission({ ...state, to: "carol@example.test", kept: state.attachments }), limit);
    expect(outcome.ok).toBe(true);
    const forwarded = await simpleParser((await waitFor(CAROL, "INBOX", `Fwd: Files ${TAG}`)).source);
    expect(forwarded.attachments[0]?.content.equals(ATTACHMENT)).toBe(true);
    const [orig] = await findIn(BOB, "INBOX", `Files ${TAG}`).then((l) => l.filter((m) => m.uid === inbox.uid));
    expect(orig.flags.has("$Forwarded")).toBe(true);
  });
});

describe("forward as attachment", () => {
  it("attaches the original whole, byte for byte, and marks it $Forwarded", async () => {
    const subject = `Whole ${TAG}`;
    const original = `From: carol@example.test\r\nTo: bob@example.test\r\nSubject: ${subject}\r\nMessage-ID: <whole-${TAG}@example.test>\r\n\r\nKeep this as it is.\r\n`;
    await raw(BOB, (c) => c.append("INBOX", original));
    const [{ uid }] = await findIn(BOB, "INBOX", subject);
    const state = await prepareCompose(bob, [BOB.email], { kind: "forwardAttached", ref: { folder: "INBOX", uid } });
    expect(state).toMatchObject({ subject: `Fwd: ${subject}`, body: "", attachments: [{ partId: "", filename: `${subject}.eml`, contentType: "message/rfc822" }] });
    // Saved as a draft first: the copy in the draft is referenced from then on.
    const draft = await saveDraft(bob, submission({ ...state, to: "carol@example.test", kept: state.attachments }), limit);
    expect(draft.attachments).toMatchObject([{ partId: "2", contentType: "message/rfc822" }]);
    const outcome = await submitMessage(bob, submission({ ...state, to: "carol@example.test", kept: draft.attachments, draft: draft.draft }), limit);
    expect(outcome.ok).toBe(true);
    const got = await simpleParser((await waitFor(CAROL, "INBOX", `Fwd: ${subject}`)).source);
    const attached = got.attachments.find((a) => a.contentType === "message/rfc822");
    expect(attached?.content.toString("latin1")).toBe(original);
    const [after] = await findIn(BOB, "INBOX", subject).then((l) => l.filter((m) => m.uid === uid));
    expect(after.flags.has("$Forwarded")).toBe(true);
  });
});

describe("drafts", () => {
  it("replaces the previous version, keeps half-typed fields and files, and reopens", async () => {
    const s = `Draft ${TAG}`;
    const first = await saveDraft(
      bob,
      submission({ to: "carol@example.test, half@", bcc: "Dave <dave@example.test>", subject: s, body: "v1", uploads: [{ filename: "notes.txt", contentType: "text/plain", content: Buffer.from("notes\n") }] }),
      limit,
    );
    expect(first.attachments).toMatchObject([{ folder: "Drafts", uid: first.draft.uid, partId: "2", filename: "notes.txt", size: 6 }]);
    // Second version: the file is referenced, not uploaded again.
    const second = await saveDraft(
      bob,
      submission({ to: "carol@example.test, half@ex", bcc: "Dave <dave@example.test>", subject: s, body: "v2", kept: first.attachments, draft: first.draft }),
      limit,
    );
    expect(second.draft.uid).not.toBe(first.draft.uid);
    const drafts = await findIn(BOB, "Drafts", s);
    expect(drafts.map((d) => d.uid)).toEqual([second.draft.uid]);

    const state = await prepareCompose(bob, [BOB.email], { kind: "draft", ref: second.draft });
    expect(state).toMatchObject({ to: "carol@example.test, half@ex", bcc: "Dave <dave@example.test>", subject: s, body: "v2", draft: second.draft });
    expect(state.attachments).toMatchObject([{ partId: "2", filename: "notes.txt", size: 6 }]);

    // Sending it removes the draft.
    const outcome = await submitMessage(bob, submission({ ...state, to: "carol@example.test", kept: state.attachments }), limit);
    expect(outcome.ok).toBe(true);
    expect(await findIn(BOB, "Drafts", s)).toEqual([]);
    const got = await simpleParser((await waitFor(CAROL, "INBOX", s)).source);
    expect(got.attachments[0]?.content.toString()).toBe("notes\n");
    expect(got.headers.has("x-postern-draft")).toBe(false);
  });
});

describe("send with undo", () => {
  it("keeps the message in Drafts while it waits, sends it after the delay and removes the draft", async () => {
    const s = `Queued ${TAG}`;
    const queued = await queueMessage(bob, submission({ to: "carol@example.test", subject: s, body: "later" }), { limit, delayMs: 300 }, new OutboxWorker());
    expect(queued.ok).toBe(true);
    if (!queued.ok) return;
    expect(queued.job.state).toBe("waiting");
    expect((await findIn(BOB, "Drafts", s)).map((d) => d.uid)).toEqual([queued.job.draft.uid]);
    await waitFor(CAROL, "INBOX", s);
    await expect.poll(async () => (await getQueued(queued.job.id, BOB.email))?.state, { timeout: 10_000 }).toBe("sent");
    expect(await findIn(BOB, "Drafts", s)).toEqual([]);
    expect(await findIn(BOB, "Sent", s)).toHaveLength(1);
  });

  it("undo leaves the draft and sends nothing", async () => {
    const s = `Undone ${TAG}`;
    const queued = await queueMessage(bob, submission({ to: "carol@example.test", subject: s, body: "never mind" }), { limit, delayMs: 60_000 }, new OutboxWorker());
    if (!queued.ok) throw queued.error;
    expect((await undoQueued(queued.job.id, BOB.email)).state).toBe("cancelled");
    const state = await prepareCompose(bob, [BOB.email], { kind: "draft", ref: queued.job.draft });
    expect(state).toMatchObject({ to: "carol@example.test", subject: s, body: "never mind" });
    expect(await findIn(BOB, "Sent", s)).toEqual([]);
  });

  it("a refused recipient is found when the wait is over, and the draft stays", async () => {
    const s = `Queued refusal ${TAG}`;
    const queued = await queueMessage(bob, submission({ to: "nobody3@example.test", subject: s, body: "x" }), { limit, delayMs: 50 }, new OutboxWorker());
    if (!queued.ok) throw queued.error;
    await expect.poll(async () => (await getQueued(queued.job.id, BOB.email))?.state, { timeout: 10_000 }).toBe("failed");
    expect((await getQueued(queued.job.id, BOB.email))?.error?.message).toContain("nobody3@example.test");
    expect((await findIn(BOB, "Drafts", s)).map((d) => d.uid)).toEqual([queued.job.draft.uid]);
  });
});

describe("identities", () => {
  // The admin lets bob send as sales@ without confirming it by mail (identity-verification.test.ts
  // covers addresses that need it).
  beforeAll(() => {
    process.env.IDENTITY_ALLOWED_ADDRESSES = "sales@example.test";
    resetConfigForTests();
  });
  afterAll(async () => {
    for (const i of await listIdentities(BOB.email)) if (i.id !== "account") await deleteIdentity(BOB.email, i.id);
    delete process.env.IDENTITY_ALLOWED_ADDRESSES;
    resetConfigForTests();
  });

  it("deleting another account's identity changes nothing and says so", async () => {
    const mine = await saveIdentity(BOB.email, null, { name: "Mine", address: "mine@example.test", replyTo: "", signature: "", isDefault: false });
    await expect(deleteIdentity(ALICE.email, mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listIdentities(BOB.email)).map((i) => i.id)).toContain(mine.id);
    await deleteIdentity(BOB.email, mine.id);
  });

  it("an account without identities sends as itself", async () => {
    expect(await listIdentities(BOB.email)).toEqual([{ id: "account", name: "", address: BOB.email, replyTo: "", signature: "", isDefault: true, verified: true }]);
  });

  it("replies as the identity the message was addressed to, with its signature, name and Reply-To", async () => {
    await saveIdentity(BOB.email, null, { name: "Bob Martin", address: BOB.email, replyTo: "", signature: "Bob", isDefault: false });
    const sales = await saveIdentity(BOB.email, null, { name: "Sales Team", address: "sales@example.test", replyTo: "orders@example.test", signature: "Sales\nExample Inc.", isDefault: false });
    const identities = await listIdentities(BOB.email);
    expect(identities.map((i) => [i.address, i.isDefault])).toEqual([[BOB.email, true], ["sales@example.test", false]]);

    const fresh = await prepareCompose(bob, [BOB.email], { kind: "new" }, identities);
    expect(fresh.body).toBe("\n\n-- \nBob\n");

    const subject = `Order ${TAG}`;
    await raw(BOB, (c) => c.append("INBOX", `From: carol@example.test\r\nTo: Sales <sales@example.test>\r\nSubject: ${subject}\r\n\r\nTwo boxes, please.\r\n`));
    const [{ uid }] = await findIn(BOB, "INBOX", subject);
    const state = await prepareCompose(bob, [BOB.email, "sales@example.test"], { kind: "reply", ref: { folder: "INBOX", uid } }, identities);
    expect(state.identityId).toBe(sales.id);
    expect(state.body).toMatch(/^\n\n-- \nSales\nExample Inc\.\n\ncarol@example\.test wrote:\n> Two boxes, please\.\n$/);

    const as = await findIdentity(BOB.email, state.identityId);
    const outcome = await submitMessage(
      bob,
      submission({ ...state, from: { name: as.name, address: as.address }, replyTo: [{ name: "", address: as.replyTo }], body: `Done.${state.body}` }),
      limit,
    );
    expect(outcome.ok).toBe(true);
    const got = await simpleParser((await waitFor(CAROL, "INBOX", `Re: ${subject}`)).source);
    expect(got.from?.value[0]).toMatchObject({ name: "Sales Team", address: "sales@example.test" });
    expect(got.replyTo?.value[0]?.address).toBe("orders@example.test");
  });
});
