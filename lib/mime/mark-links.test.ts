import { describe, expect, it } from "vitest";
import { DECEPTIVE_LINK } from "@/mail-lab/seed/corpus.mjs";
import { buildMessageView } from "@/lib/mime/message-view";
import { sanitizeEmailHtml } from "@/lib/mime/sanitize-html";
import type { ParsedMessage } from "@/lib/mime/types";

const sanitize = (html: string) => sanitizeEmailHtml(html, { allowRemoteContent: false, inlineImages: {} });

describe("sanitizeEmailHtml marks suspicious links", () => {
  it("marks the seeded phishing link with its reasons and real target, and reports it", () => {
    const out = sanitize(`<p>${DECEPTIVE_LINK.html}</p>`);
    expect(out.html).toBe(
      `<p><a href="${DECEPTIVE_LINK.href}" target="_blank" rel="noopener noreferrer" data-postern-suspicious="text-mismatch" ` +
        `data-postern-target="${DECEPTIVE_LINK.href}" title="Suspicious link: it really goes to ${DECEPTIVE_LINK.href}">${DECEPTIVE_LINK.text}</a></p>`,
    );
    expect(out.linkWarnings).toEqual([expect.objectContaining({ reasons: ["text-mismatch"], text: DECEPTIVE_LINK.text, target: DECEPTIVE_LINK.href })]);
  });

  it("reads the words of nested elements and entities, as the reader sees them", () => {
    const out = sanitize('<a href="https://evil.test/"><b>www.</b><span>pay&#112;al</span>.com</a>');
    expect(out.linkWarnings.map((w) => w.text)).toEqual(["www.paypal.com"]);
    expect(out.html).toContain('data-postern-suspicious="text-mismatch"');
  });

  it("leaves honest links unmarked and without placeholders", () => {
    const out = sanitize('<a href="https://www.examplebank.test/a">www.examplebank.test</a> <a href="https://x.test/">Read more</a> <a name="top">top</a>');
    expect(out.linkWarnings).toEqual([]);
    expect(out.html).not.toMatch(/data-postern/);
    expect(out.html).toBe(
      '<a href="https://www.examplebank.test/a" target="_blank" rel="noopener noreferrer">www.examplebank.test</a> ' +
        '<a href="https://x.test/" target="_blank" rel="noopener noreferrer">Read more</a> <a name="top">top</a>',
    );
  });

  it("cannot be faked: the message's own marks, placeholders and link titles are dropped", () => {
    const forged = sanitize(
      '<a href="https://evil.test/" title="https://www.paypal.com/" data-postern-suspicious="" data-postern-target="https://ok.test/" data-postern-link="0-0">Hi</a>' +
        '<p title="x">data-postern-link="0-0"</p>',
    );
    expect(forged.html).toBe('<a href="https://evil.test/" target="_blank" rel="noopener noreferrer">Hi</a><p title="x">data-postern-link="0-0"</p>');
  });

  it("escapes the real target in the marks", () => {
    const out = sanitize('<a href="http://192.168.0.1/&quot;&lt;x&gt;">Sign in</a>');
    expect(out.html).toContain('data-postern-target="http://192.168.0.1/%22%3Cx%3E"');
    expect(out.html).not.toMatch(/<x>/);
  });

  it("takes !important out of a link's inline style, so the frame's marks win", () => {
    const out = sanitize('<a href="https://evil.test/" style="color: red !important; background-color: white!IMPORTANT">paypal.com</a>');
    expect(out.html).toMatch(/style="color: ?red; ?background-color: ?white"/);
  });

  it("marks links by what the browser will open: IP, look-alike and user-name tricks", () => {
    const out = sanitize('<a href="http://0x7f.1/">a</a><a href="https://xn--80ak6aa92e.com/">b</a><a href="https://bank.test@evil.test/">c</a>');
    expect(out.linkWarnings.map((w) => w.reasons)).toEqual([["ip-address"], ["look-alike"], ["userinfo"]]);
  });
});

const message: ParsedMessage = {
  subject: "s",
  from: [{ name: "paypal.com", address: "x@evil.test" }],
  to: [],
  cc: [],
  replyTo: [],
  date: null,
  messageId: null,
  text: "Sign in at http://192.168.0.1/login or https://example.org/",
  html: `<p>${DECEPTIVE_LINK.html} ${DECEPTIVE_LINK.html}</p>`,
  inlineImages: {},
  attachments: [],
  problems: [],
};

describe("buildMessageView lists phishing warnings", () => {
  it("puts the sender first, then each distinct link once", () => {
    const view = buildMessageView(message, { allowRemoteContent: false });
    expect(view.warnings.map((w) => w.kind)).toEqual(["sender", "link"]);
    expect(view.body.kind === "html" && view.body.frameDocument).toContain("data-postern-suspicious");
  });

  it("checks the links of a plain-text body by their targets", () => {
    const view = buildMessageView({ ...message, from: [] }, { allowRemoteContent: false, preferPlainText: true });
    expect(view.warnings).toEqual([expect.objectContaining({ kind: "link", reasons: ["ip-address"], target: "http://192.168.0.1/login" })]);
  });

  it("gives attached messages their own warnings and an honest message none", () => {
    const honest = { ...message, from: [{ name: "Bob", address: "bob@example.test" }], html: "<p>Hi</p>" };
    const view = buildMessageView({ ...honest, attachedMessages: [{ partId: "2", message }] }, { allowRemoteContent: false });
    expect(view.warnings).toEqual([]);
    expect(view.attachedMessages[0].view.warnings).toHaveLength(2);
  });

  it("lists at most 20", () => {
    const many = Array.from({ length: 30 }, (_, i) => `<a href="https://evil${i}.test/">paypal.com</a>`).join("");
    expect(buildMessageView({ ...message, html: many }, { allowRemoteContent: false }).warnings).toHaveLength(20);
  });
});
