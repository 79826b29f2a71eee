import crypto from "node:crypto";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageRef } from "@/lib/compose/compose-types";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { openMessage } from "@/lib/imap/open-message";
import { answerMdnRequest } from "@/lib/mdn/answer-mdn";
import { fetchMdnRequest, MDN_SENT } from "@/lib/mdn/mdn-request";
import { BOB, signInAs } from "./helpers";
import { findIn, raw, removeMatching, waitFor } from "./lab-mailbox";

// carol's mail to bob asks for a read receipt (Disposition-Notification-To). Opening it answers
// nothing; bob's explicit "send" submits an RFC 8098 receipt through the lab to carol; "decline"
// only marks it. Messages are put in place over IMAP and removed afterwards.
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const TAG = crypto.randomBytes(4).toString("hex");

let bob: ImapIdentity;

async function deliverToBob(subject: string): Promise<MessageRef> {
  const message = [
    "From: Carol Diaz <carol@example.test>",
    "To: bob@example.test",
    `Subject: ${subject}`,
    `Message-ID: <${TAG}-${crypto.randomBytes(4).toString("hex")}@example.test>`,
    "Date: Mon, 23 Nov 2026 10:00:00 +0000",
    "Disposition-Notification-To: Carol Diaz <carol@example.test>",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Please confirm you got this.",
    "",
  ].join("\r\n");
  const res = await raw(BOB, (c) => c.append("INBOX", Buffer.from(message), []));
  if (!res || !res.uid) throw new Error("append failed");
  return { folder: "INBOX", uid: res.uid };
}

beforeAll(async () => {
  bob = await signInAs(BOB);
});
afterAll(async () => {
  await removeMatching(BOB, ["INBOX"], TAG);
  await removeMatching(CAROL, ["INBOX"], TAG);
  await getPool().closeAll();
});

describe("read receipts others ask for (MDN)", () => {
  it("opening the message answers nothing; it still asks", async () => {
    const ref = await deliverToBob(`Please confirm ${TAG}`);
    const opened = await openMessage(bob, ref);
    expect(opened.message?.text).toContain("Please confirm");
    const request = await fetchMdnRequest(bob, ref);
    expect(request).toMatchObject({ notifyTo: { address: "carol@example.test" }, subject: `Please confirm ${TAG}`, answered: false });
  });

  it("on the user's word, an RFC 8098 receipt goes to the requester with a null sender, and $MDNSent is set", async () => {
    const subject = `Receipt wanted ${TAG}`;
    const ref = await deliverToBob(subject);
    await answerMdnRequest(bob, { name: "Bob Martin", address: BOB.email }, ref, "send", "postern.test");
    const receipt = await waitFor(CAROL, "INBOX", `Read: ${subject}`);
    const text = receipt.source.toString("latin1");
    expect(text).toMatch(/^Return-Path: <>/m);
    expect(text).toMatch(/Content-Type: multipart\/report; report-type=disposition-notification/);
    expect(text).toContain("Disposition: manual-action/MDN-sent-manually; displayed");
    expect(text).toContain("Final-Recipient: rfc822;bob@example.test");
    const parsed = await simpleParser(receipt.source);
    expect(parsed.from?.value[0]?.address).toBe(BOB.email);
    expect((await fetchMdnRequest(bob, ref))?.answered).toBe(true);
    const flags = await raw(BOB, async (c) => {
      const lock = await c.getMailboxLock("INBOX");
      try {
        const m = await c.fetchOne(String(ref.uid), { flags: true }, { uid: true });
        return m ? m.flags : undefined;
      } finally {
        lock.release();
      }
    });
    expect(flags?.has(MDN_SENT)).toBe(true);
    await expect(answerMdnRequest(bob, { name: "", address: BOB.email }, ref, "send", "postern.test")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("declining marks it answered and sends nothing", async () => {
    const subject = `No receipt ${TAG}`;
    const ref = await deliverToBob(subject);
    await answerMdnRequest(bob, { name: "", address: BOB.email }, ref, "decline", "postern.test");
    expect((await fetchMdnRequest(bob, ref))?.answered).toBe(true);
    // The receipt sent in the previous test has arrived, so the queue has been working; none for this one.
    expect(await findIn(CAROL, "INBOX", `Read: ${subject}`)).toEqual([]);
  });

  it("a message without a request cannot be answered", async () => {
    const res = await raw(BOB, (c) => c.append("INBOX", Buffer.from(`From: carol@example.test\r\nSubject: Plain ${TAG}\r\n\r\nhi\r\n`), []));
    if (!res) throw new Error("append failed");
    await expect(answerMdnRequest(bob, { name: "", address: BOB.email }, { folder: "INBOX", uid: res.uid! }, "send", "postern.test")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
