import crypto from "node:crypto";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_CONTEXT } from "@/lib/compose/compose-types";
import { prepareCompose } from "@/lib/compose/prepare-compose";
import { saveDraft } from "@/lib/compose/save-draft";
import type { ComposeSubmission } from "@/lib/compose/submission";
import { submitMessage } from "@/lib/compose/submit-message";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { getSendLimit } from "@/lib/smtp/size-limit";
import { BOB, signInAs } from "./helpers";
import { findIn, removeMatching, waitFor } from "./lab-mailbox";

// Rich text through the lab's Postfix and Dovecot: what bob's browser posts (HTML with data:
// images, and whatever a paste or a forged request puts in it) arrives at carol as
// multipart/alternative (+ related with its image), the HTML sanitized, a text part generated.
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const TAG = crypto.randomBytes(4).toString("hex");
// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const IMAGE = `<img src="data:image/png;base64,${PNG.toString("base64")}" alt="dot">`;
const HOSTILE =
  '<p onclick="steal()">Hi <strong>Carol</strong>, <a href="javascript:alert(1)">bad</a> <a href="https://example.test/x" onmouseover="x()">good</a></p>' +
  '<script>alert(1)</script><img src="https://tracker.test/pixel.gif"><iframe src="https://evil.test"></iframe><style>body{}</style>' +
  `<ul><li><p>one</p></li><li><p>two</p></li></ul><p>${IMAGE}</p>`;

let bob: ImapIdentity;
let limit: number;

const rich = (over: Partial<ComposeSubmission>): ComposeSubmission => ({
  from: { name: "Bob Martin", address: BOB.email },
  to: "carol@example.test",
  cc: "",
  bcc: "",
  subject: "",
  body: "",
  format: "html",
  kept: [],
  uploads: [],
  context: EMPTY_CONTEXT,
  draft: null,
  ...over,
});

beforeAll(async () => {
  bob = await signInAs(BOB);
  limit = await getSendLimit();
});
afterAll(async () => {
  await removeMatching(BOB, ["INBOX", "Sent", "Drafts"], TAG);
  await removeMatching(CAROL, ["INBOX"], TAG);
  await getPool().closeAll();
});

describe("rich text through the lab", () => {
  it("arrives as multipart/alternative + related with sanitized HTML, a generated text part and the image", async () => {
    const subject = `Rich ${TAG}`;
    const outcome = await submitMessage(bob, rich({ subject, body: HOSTILE }), limit);
    expect(outcome).toMatchObject({ ok: true });
    const received = await waitFor(CAROL, "INBOX", subject);
    const source = received.source.toString("latin1");
    const top = source.slice(0, source.indexOf("\r\n\r\n"));
    expect(top).toMatch(/^Content-Type: multipart\/alternative/im);
    expect(source).toMatch(/^Content-Type: multipart\/related; type="text\/html"/im);
    expect(source).toMatch(/^Content-Id: <[^>]+@postern>/im);
    expect(source).not.toMatch(/onclick|onmouseover|<script|javascript:|tracker\.test|evil\.test|iframe|data:image/i);

    const parsed = await simpleParser(received.source, { keepCidLinks: true });
    expect(parsed.html).toContain("<strong>Carol</strong>");
    expect(parsed.html).toContain('<a href="https://example.test/x">good</a>');
    expect(parsed.html).toMatch(/<img src="cid:[^"]+@postern" alt="dot" \/>/);
    expect(parsed.text).toBe("Hi Carol, bad good <https://example.test/x>\n\n * one\n * two");
    const image = parsed.attachments.find((a) => a.contentType === "image/png");
    expect(image?.content.equals(PNG)).toBe(true);
    expect(parsed.html).toContain(`cid:${image?.cid}`);
    // Sent keeps the very same body (the delivered copy has the servers' trace fields on top).
    const [sent] = await findIn(BOB, "Sent", subject);
    const body = (b: Buffer) => b.toString("latin1").slice(b.toString("latin1").indexOf("\r\n\r\n"));
    expect(body(received.source)).toBe(body(sent.source));
  });

  it("with a file attached too: the file stays part 2, the image goes with the HTML", async () => {
    const subject = `Rich with file ${TAG}`;
    const uploads = [{ filename: "notes.txt", contentType: "text/plain", content: Buffer.from("notes\n") }];
    expect(await submitMessage(bob, rich({ subject, body: `<p>See <em>notes</em></p><p>${IMAGE}</p>`, uploads }), limit)).toMatchObject({ ok: true });
    const received = await waitFor(CAROL, "INBOX", subject);
    const top = received.source.toString("latin1").split("\r\n\r\n")[0];
    expect(top).toMatch(/^Content-Type: multipart\/mixed/im);
    const parsed = await simpleParser(received.source);
    expect(parsed.attachments.map((a) => [a.filename, a.contentDisposition])).toEqual([
      ["image-1.png", "inline"],
      ["notes.txt", "attachment"],
    ]);
  });

  it("a rich draft is kept as HTML and reopens as rich text, image back in the body and not listed as a file", async () => {
    const subject = `Rich draft ${TAG}`;
    const saved = await saveDraft(bob, rich({ subject, body: `<p><strong>Keep</strong> <u>this</u></p>${IMAGE.replace("<img", "<p><img")}</p>` }), limit);
    expect(saved.attachments).toEqual([]);
    const state = await prepareCompose(bob, [BOB.email], { kind: "draft", ref: saved.draft });
    expect(state.format).toBe("html");
    expect(state.body).toContain("<strong>Keep</strong> <u>this</u>");
    expect(state.body).toContain(`src="data:image/png;base64,${PNG.toString("base64")}"`);
    expect(state.attachments).toEqual([]);
    // A plain draft stays plain.
    const plain = await saveDraft(bob, rich({ subject: `Plain draft ${TAG}`, body: "just text", format: "plain" }), limit);
    expect(await prepareCompose(bob, [BOB.email], { kind: "draft", ref: plain.draft })).toMatchObject({ format: "plain", body: "just text" });
  });

  it("a reply in rich text quotes the original as a blockquote under the attribution", async () => {
    const subject = `Rich reply source ${TAG}`;
    expect(await submitMessage(bob, rich({ to: BOB.email, subject, body: "<p>Line one &amp; <b>two</b></p>" }), limit)).toMatchObject({ ok: true });
    const original = await waitFor(BOB, "INBOX", subject);
    const state = await prepareCompose(bob, [], { kind: "reply", ref: { folder: "INBOX", uid: original.uid } }, [], { format: "html" });
    expect(state.format).toBe("html");
    expect(state.body).toMatch(/^<p><\/p><p>On .* wrote:<\/p><blockquote><p>Line one &amp; two<\/p><\/blockquote>$/);
  });
});
