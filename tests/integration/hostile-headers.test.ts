import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { listMessages } from "@/lib/imap/list-messages";
import { listThreads } from "@/lib/imap/list-threads";
import { openMessage } from "@/lib/imap/open-message";
import { listQuerySchema } from "@/lib/imap/list-query";
import { BOB, signInAs } from "./helpers";
import { removeMatching, waitFor } from "./lab-mailbox";

// Issue 18: anyone on the internet can put these headers in front of a Postern user. Delivered the
// way an outside sender would (plain SMTP to the lab's MX, no authentication), they must list,
// thread, search and open, and show as readable text.
const TAG = "hostile-hdr";
const MX_PORT = Number(process.env.LAB_MX_PORT ?? 3025);

const messages: Record<string, string> = {
  "unreadable date": `Date: Whenever\r\nFrom: Outside <outside@elsewhere.test>\r\nTo: bob@example.test\r\nSubject: ${TAG} unreadable date\r\n\r\nBody one.\r\n`,
  "date beyond ISO 8601": `Date: Sat, 1 Jan 275761 00:00:00 +0000\r\nFrom: outside@elsewhere.test\r\nTo: bob@example.test\r\nSubject: ${TAG} far future\r\n\r\nBody two.\r\n`,
  "raw 8-bit latin-1": `Date: Tue, 4 Mar 2025 10:20:30 +0100\r\nFrom: J\xfcrgen M\xfcller <jm@elsewhere.test>\r\nTo: bob@example.test\r\nSubject: ${TAG} Fr\xf6sche und K\xe4fer\r\nContent-Type: text/plain\r\n\r\nGr\xfc\xdfe.\r\n`,
  "empty address and a group": `Date: Tue, 4 Mar 2025 11:00:00 +0100\r\nFrom: Whomever <>\r\nTo: undisclosed-recipients:;\r\nSubject: ${TAG} nobody\r\n\r\nBody four.\r\n`,
};

let bob: ImapIdentity;

beforeAll(async () => {
  const mx = nodemailer.createTransport({ host: "127.0.0.1", port: MX_PORT, secure: false, ignoreTLS: true });
  for (const raw of Object.values(messages)) {
    await mx.sendMail({ envelope: { from: "outside@elsewhere.test", to: [BOB.email] }, raw: Buffer.from(raw, "latin1") });
  }
  mx.close();
  for (const subject of ["unreadable date", "far future", "und K", "nobody"]) await waitFor(BOB, "INBOX", subject);
  bob = await signInAs(BOB);
});

afterAll(async () => {
  await getPool().closeAll();
  await removeMatching(BOB, ["INBOX"], TAG);
});

describe("headers any sender can write", () => {
  it("list in INBOX with readable dates, subjects and senders", async () => {
    const page = await listMessages(bob, { folder: "INBOX", page: 1 });
    const rows = page.messages.filter((m) => m.subject.includes(TAG));
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.date === null || !Number.isNaN(Date.parse(r.date))).toBe(true);
    const unreadable = rows.find((r) => r.subject.endsWith("unreadable date"))!;
    expect(unreadable.date, "the arrival time stands in for an unreadable Date").not.toBeNull();
    const latin = rows.find((r) => r.subject.includes("und K"))!;
    expect(latin.subject).toBe(`${TAG} Frösche und Käfer`);
    expect(latin.from).toEqual({ name: "Jürgen Müller", address: "jm@elsewhere.test" });
    const nobody = rows.find((r) => r.subject.endsWith("nobody"))!;
    expect(nobody.from).toEqual({ name: "Whomever", address: "" });
  });

  it("list as conversations", async () => {
    const page = await listThreads(bob, { folder: "INBOX", page: 1 });
    expect(page.threads.filter((t) => t.subject.includes(TAG)).length).toBe(4);
  });

  it("are found by search and sorted by date without error", async () => {
    const query = listQuerySchema.parse({ q: TAG, sort: "date" });
    const page = await listMessages(bob, { folder: "INBOX", page: 1, query });
    expect(page.messages.map((m) => m.subject).filter((s) => s.includes(TAG))).toHaveLength(4);
  });

  it("open, with the Date shown as unknown where it cannot be read", async () => {
    const page = await listMessages(bob, { folder: "INBOX", page: 1 });
    for (const row of page.messages.filter((m) => m.subject.includes(TAG))) {
      const opened = await openMessage(bob, { folder: "INBOX", uid: row.uid, markSeen: false });
      expect(opened.message, row.subject).not.toBeNull();
    }
    const latin = page.messages.find((m) => m.subject.includes("und K"))!;
    const opened = await openMessage(bob, { folder: "INBOX", uid: latin.uid, markSeen: false });
    expect(opened.message!.subject).toBe(latin.subject);
  });
});
