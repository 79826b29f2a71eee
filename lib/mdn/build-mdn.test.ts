import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { buildMdn, mdnFields } from "./build-mdn";
import { MDN_SENT, readMdnRequest } from "./mdn-request";

const input = {
  reporter: { name: "Bob Martin", address: "bob@example.test" },
  to: { name: "Carol", address: "carol@example.test" },
  originalRecipient: "rfc822;bob@example.test",
  original: {
    messageId: "<orig-1@example.test>",
    subject: "Grüße aus München",
    date: "Mon, 23 Nov 2026 10:00:00 +0000",
    headerBlock: "Message-ID: <orig-1@example.test>\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\nFrom: carol@example.test",
  },
  reportingHost: "mail.example.test",
  now: new Date("2026-11-23T12:00:00Z"),
};

describe("read receipt (RFC 8098)", () => {
  it("is multipart/report with a sentence, the disposition fields and the original's headers", async () => {
    const { raw, messageId } = await buildMdn(input);
    const text = raw.toString("latin1");
    expect(text).toMatch(/^Content-Type: multipart\/report; report-type=disposition-notification;/m);
    expect(text).toContain("\r\n");
    expect(text).not.toMatch(/[^\r]\n/);
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe(messageId);
    expect(parsed.subject).toBe("Read: Grüße aus München");
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : null).toBe("carol@example.test");
    expect(parsed.text).toMatch(/read receipt for the message you sent to bob@example\.test on Mon, 23 Nov 2026/);
    expect(text).toMatch(/Content-Type: message\/disposition-notification\r\n\r\nReporting-UA: mail\.example\.test; Postern\r\nOriginal-Recipient: rfc822;bob@example\.test\r\nFinal-Recipient: rfc822;bob@example\.test\r\nOriginal-Message-ID: <orig-1@example\.test>\r\nDisposition: manual-action\/MDN-sent-manually; displayed\r\n/);
    expect(text).toMatch(/Content-Type: text\/rfc822-headers[\s\S]*Message-ID: <orig-1@example\.test>/);
  });

  it("keeps field values on one line", () => {
    expect(mdnFields({ ...input, original: { ...input.original, messageId: "<a@b>\r\nBcc: x@y" } })).not.toMatch(/\r\nBcc:/);
  });

  it("reads a request, and whether it was answered", () => {
    const fields = { "disposition-notification-to": "Carol <carol@example.test>", subject: "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=", "message-id": "<m@x>" };
    expect(readMdnRequest(fields, new Set())).toMatchObject({ notifyTo: { address: "carol@example.test" }, subject: "Grüße", answered: false });
    expect(readMdnRequest(fields, new Set([MDN_SENT]))?.answered).toBe(true);
    expect(readMdnRequest({ subject: "x" }, new Set())).toBeNull();
    expect(readMdnRequest({ "disposition-notification-to": "not an address" }, new Set())).toBeNull();
  });
});
