import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadPart } from "@/lib/imap/download-part";
import { listFolders } from "@/lib/imap/list-folders";
import { listMessages } from "@/lib/imap/list-messages";
import { openMessage } from "@/lib/imap/open-message";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { buildCorpus, CORPUS_FILES, CORPUS_SIZE, SUBJECTS, TEXTS } from "../../mail-lab/seed/corpus.mjs";
import { ALICE, signInAs } from "./helpers";

let alice: ImapIdentity;
const corpus = buildCorpus();

beforeAll(async () => {
  alice = await signInAs(ALICE);
});
afterAll(() => getPool().closeAll());

async function uidOf(subject: string): Promise<number> {
  const page = await listMessages(alice, { folder: "INBOX", page: 1 });
  const m = page.messages.find((x) => x.subject === subject);
  if (!m) throw new Error(`no message "${subject}" on page 1`);
  return m.uid;
}

describe("folders", () => {
  it("lists INBOX first, then the special-use folders, with counts", async () => {
    const folders = await listFolders(alice);
    expect(folders.map((f) => f.specialUse)).toEqual(["\\Inbox", "\\Drafts", "\\Sent", "\\Junk", "\\Trash", "\\Archive"]);
    const inbox = folders[0];
    expect(inbox).toMatchObject({ path: "INBOX", name: "Inbox", total: CORPUS_SIZE });
    expect(inbox.unseen).toBe(corpus.filter((m) => !m.flags.includes("\\Seen")).length);
  });
});

describe("message list", () => {
  it("gives page 1 newest first, 50 rows, and the total", async () => {
    const page = await listMessages(alice, { folder: "INBOX", page: 1 });
    expect(page).toMatchObject({ total: CORPUS_SIZE, page: 1, pageCount: Math.ceil(CORPUS_SIZE / 50), pageSize: 50 });
    expect(page.messages).toHaveLength(50);
    const newestFirst = corpus.slice(-50).reverse();
    expect(page.messages.map((m) => m.subject)).toEqual(newestFirst.map((m) => m.subject));
    const uids = page.messages.map((m) => m.uid);
    expect(uids).toEqual([...uids].sort((a, b) => b - a));
  });

  it("reports flags, size and attachments as seeded", async () => {
    const page = await listMessages(alice, { folder: "INBOX", page: 1 });
    const pdf = page.messages.find((m) => m.subject === SUBJECTS.pdf)!;
    const seeded = corpus.find((m) => m.subject === SUBJECTS.pdf)!;
    expect(pdf.hasAttachments).toBe(true);
    expect(pdf.flagged).toBe(seeded.flags.includes("\\Flagged"));
    // The seed dates its messages from the current minute; a day number may gain a digit.
    expect(Math.abs(pdf.size - seeded.raw.length)).toBeLessThanOrEqual(1);
    expect(pdf.from?.address).toMatch(/@/);
    expect(page.messages.find((m) => m.subject === SUBJECTS.plain)!.hasAttachments).toBe(false);
    expect(page.messages.find((m) => m.subject === SUBJECTS.newsletter)!.hasAttachments).toBe(false);
  });

  it("pages to the oldest messages and clamps pages past the end", async () => {
    const last = await listMessages(alice, { folder: "INBOX", page: 4 });
    expect(last.messages.at(-1)!.subject).toBe(corpus[0].subject);
    expect((await listMessages(alice, { folder: "INBOX", page: 99 })).page).toBe(4);
  });

  it("says a missing folder does not exist", async () => {
    await expect(listMessages(alice, { folder: "No such folder", page: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("opening messages", () => {
  it.each([
    ["windows874", TEXTS.windows874],
    ["tis620", TEXTS.tis620],
    ["latin1", TEXTS.latin1],
    ["latin1Q", TEXTS.latin1Q],
    ["utf8B", TEXTS.utf8B],
    ["utf8Q", TEXTS.utf8Q],
    ["iso2022jp", TEXTS.iso2022jp],
  ] as const)("decodes the %s subject and body", async (key, text) => {
    const opened = await openMessage(alice, { folder: "INBOX", uid: await uidOf(SUBJECTS[key]) });
    expect(opened.message?.subject).toBe(SUBJECTS[key]);
    expect(opened.message?.text).toContain(text);
    expect(opened.message?.problems).toEqual([]);
  });

  it("marks an opened message read", async () => {
    const uid = await uidOf(SUBJECTS.phishing);
    const before = (await listMessages(alice, { folder: "INBOX", page: 1 })).messages.find((m) => m.uid === uid)!;
    expect(before.seen).toBe(false);
    await openMessage(alice, { folder: "INBOX", uid });
    const after = (await listMessages(alice, { folder: "INBOX", page: 1 })).messages.find((m) => m.uid === uid)!;
    expect(after.seen).toBe(true);
  });

  it("keeps the HTML of a newsletter and its cid image", async () => {
    const opened = await openMessage(alice, { folder: "INBOX", uid: await uidOf(SUBJECTS.newsletter) });
    expect(opened.message?.html).toContain(TEXTS.newsletter);
    expect(Object.keys(opened.message?.inlineImages ?? {})).toEqual([CORPUS_FILES.newsletterLogo.cid]);
  });

  it("opens a message with a 10 MB attachment without downloading the attachment", async () => {
    const opened = await openMessage(alice, { folder: "INBOX", uid: await uidOf(SUBJECTS.large) });
    expect(opened.size).toBeGreaterThan(10 * 1024 * 1024);
    expect(opened.fetchedBytes).toBeLessThan(16 * 1024);
    expect(opened.message?.text).toContain(TEXTS.large);
    expect(opened.message?.attachments.map((a) => a.filename)).toEqual([CORPUS_FILES.dataset.name]);
  });

  it("says a message that is gone no longer exists", async () => {
    await expect(openMessage(alice, { folder: "INBOX", uid: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("attachments", () => {
  it.each(["pdf", "png", "zip", "dataset"] as const)("streams %s byte for byte from its IMAP body part", async (key) => {
    const file = CORPUS_FILES[key];
    const uid = await uidOf(file.subject);
    const opened = await openMessage(alice, { folder: "INBOX", uid });
    const info = opened.message!.attachments.find((a) => a.filename === file.name)!;
    expect(info).toMatchObject({ contentType: file.contentType, disposition: "attachment" });
    // A large attachment is not downloaded to open the message; its size then comes from
    // BODYSTRUCTURE, exact but for base64 padding.
    expect(Math.abs(info.size - file.bytes().length)).toBeLessThanOrEqual(2);
    const part = await downloadPart(alice, { folder: "INBOX", uid, part: info.partId });
    expect(part.filename).toBe(file.name);
    expect((await buffer(part.stream)).equals(file.bytes())).toBe(true);
  });

  it("gives the raw source of a message", async () => {
    const uid = await uidOf(SUBJECTS.plain);
    const raw = await buffer((await downloadPart(alice, { folder: "INBOX", uid })).stream);
    // Byte for byte, except the Date header: the seed dates messages from the minute it ran.
    const undated = (b: Buffer) => b.toString("latin1").replace(/^Date: .*\r\n/m, "");
    expect(undated(raw)).toBe(undated(corpus.find((m) => m.subject === SUBJECTS.plain)!.raw));
  });
});
