import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { parseAddressField } from "@/lib/compose/parse-addresses";
import { buildMessage, type OutgoingMessage } from "./build-message";

const base: OutgoingMessage = {
  from: { name: "Bob", address: "bob@example.test" },
  to: parseAddressField("Carol <carol@example.test>").entries,
  cc: parseAddressField("dave@example.test").entries,
  bcc: parseAddressField("Secret Sam <sam@example.test>").entries,
  subject: "Grüße aus München 🍺",
  text: "Hallo Carol,\nschöne Grüße.\n",
  attachments: [{ filename: "notes.txt", contentType: "text/plain", content: Buffer.from("attached\n") }],
};

function headerBlock(raw: Buffer): string {
  const text = raw.toString("latin1");
  return text.slice(0, text.indexOf("\r\n\r\n"));
}

describe("buildMessage", () => {
  it("keeps Bcc in the Sent copy only; everything else is byte-identical", async () => {
    const built = await buildMessage(base);
    expect(headerBlock(built.raw)).toMatch(/^Bcc: Secret Sam <sam@example\.test>$/m);
    expect(headerBlock(built.wire)).not.toMatch(/^Bcc:/im);
    expect(built.wire.toString("latin1")).not.toContain("sam@example.test");
    const withoutBcc = built.raw.toString("latin1").replace(/^Bcc: .*\r\n/m, "");
    expect(built.wire.toString("latin1")).toBe(withoutBcc);
    expect(built.envelope).toEqual({
      from: "bob@example.test",
      to: ["carol@example.test", "dave@example.test", "sam@example.test"],
    });
  });

  it("encodes a non-ASCII subject as RFC 2047 words and the body in a 7-bit transfer encoding", async () => {
    const built = await buildMessage(base);
    const header = headerBlock(built.raw);
    expect(header).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(built.raw.every((b) => b < 0x80)).toBe(true);
    const parsed = await simpleParser(built.wire);
    expect(parsed.subject).toBe("Grüße aus München 🍺");
    expect(parsed.text).toBe("Hallo Carol,\nschöne Grüße.\n");
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([["notes.txt", "attached\n"]]);
  });

  it("sets a Message-ID on the sender's domain, and In-Reply-To/References for a reply", async () => {
    const built = await buildMessage({ ...base, inReplyTo: "<b@x>", references: ["<a@x>", "<b@x>"] });
    expect(built.messageId).toMatch(/^<[0-9a-f-]{36}@example\.test>$/);
    const parsed = await simpleParser(built.raw);
    expect(parsed.messageId).toBe(built.messageId);
    expect(parsed.inReplyTo).toBe("<b@x>");
    expect(parsed.references).toEqual(["<a@x>", "<b@x>"]);
    expect(parsed.bcc && !Array.isArray(parsed.bcc) ? parsed.bcc.value[0]?.address : null).toBe("sam@example.test");
  });

  it("sends sanitized HTML next to the text as multipart/alternative", async () => {
    const built = await buildMessage({ ...base, attachments: [], html: '<p onclick="x()">Hi <b>there</b><script>alert(1)</script><img src="http://t.example/p.png"></p>' });
    expect(headerBlock(built.raw)).toMatch(/^Content-Type: multipart\/alternative/m);
    const parsed = await simpleParser(built.raw);
    expect(parsed.html).toContain("<b>there</b>");
    expect(parsed.html).not.toMatch(/onclick|script|t\.example/);
  });

  it("keeps groups in the header and sends to their members; punycodes IDN domains", async () => {
    const built = await buildMessage({ ...base, to: parseAddressField("Team: a@bücher.de, b@x.org;").entries, cc: [], bcc: [] });
    expect(headerBlock(built.wire)).toMatch(/^To: Team: ?a@xn--bcher-kva\.de, b@x\.org;$/m);
    expect(built.envelope.to).toEqual(["a@xn--bcher-kva.de", "b@x.org"]);
  });
});
