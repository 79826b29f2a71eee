import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptBytes, encryptBytes } from "@/lib/auth/credentials";
import { buildMessage } from "@/lib/smtp/build-message";
import { decodePayload, encodePayload, type OutboxPayload } from "./outbox-payload";

async function payload(): Promise<OutboxPayload> {
  const message = {
    from: { name: "Bob", address: "bob@example.test" },
    to: [{ name: "", address: "carol@example.test" }],
    cc: [],
    bcc: [{ name: "", address: "dave@example.test" }],
    subject: "Grüße",
    text: "Hallo",
    attachments: [{ filename: "a.bin", contentType: "application/octet-stream", content: crypto.randomBytes(3000) }],
    date: new Date("2026-01-02T03:04:05Z"),
  };
  const built = await buildMessage(message);
  return {
    built,
    readLinks: { plan: { message, receipts: [{ id: "r1", recipient: { name: "", address: "carol@example.test" } }] }, ctx: { account: "bob@example.test", baseUrl: "https://p.example", expiresInDays: 7 } },
    after: { original: { folder: "INBOX", uid: 3, flag: "\\Answered" }, draft: { folder: "Drafts", uid: 9 } },
    recipients: { to: "carol@example.test", cc: "", bcc: "dave@example.test" },
    limit: 1_000_000,
  };
}

describe("outbox payload", () => {
  it("comes back exactly: the message bytes, the Bcc-less bytes, files and dates", async () => {
    const p = await payload();
    const back = decodePayload(encodePayload(p));
    expect(back.built.raw.equals(p.built.raw)).toBe(true);
    expect(back.built.wire.equals(p.built.wire)).toBe(true);
    expect(back.built.wire.toString()).not.toMatch(/^Bcc:/im);
    expect(back.built.envelope).toEqual(p.built.envelope);
    expect(back.built.messageId).toBe(p.built.messageId);
    const file = back.readLinks?.plan.message.attachments[0]?.content;
    expect(Buffer.isBuffer(file) && file.equals(p.readLinks!.plan.message.attachments[0].content)).toBe(true);
    expect(back.readLinks?.plan.message.date).toEqual(p.readLinks!.plan.message.date);
    expect({ ...back, built: null }).toEqual({ ...p, built: null });
  });

  it("keeps the added account it is sent from: its Sent copy and draft belong there, not in the session's own mailbox", async () => {
    const via = { account: "a1", imap: { host: "imap.example.com", port: 993, security: "tls" as const }, smtp: { host: "smtp.example.com", port: 587, security: "starttls" as const } };
    expect(decodePayload(encodePayload({ ...(await payload()), via })).via).toEqual(via);
    expect(decodePayload(encodePayload(await payload())).via).toBeUndefined();
  });

  it("sealed, it opens only for its own job", async () => {
    const key = crypto.randomBytes(32);
    const sealed = encryptBytes(encodePayload(await payload()), key, "payload:j1");
    expect(sealed.includes(Buffer.from("Hallo"))).toBe(false);
    expect(() => decryptBytes(sealed, key, "payload:j2")).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[40] ^= 1;
    expect(() => decryptBytes(tampered, key, "payload:j1")).toThrow();
    expect(decodePayload(decryptBytes(sealed, key, "payload:j1")).limit).toBe(1_000_000);
  });

  it("refuses truncated bytes with an error rather than a wrong message", () => {
    expect(() => decodePayload(Buffer.from([0, 0, 1, 0, 1]))).toThrow(/Truncated/);
  });
});
