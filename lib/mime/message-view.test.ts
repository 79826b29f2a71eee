import { describe, expect, it } from "vitest";
import { buildMessageView } from "@/lib/mime/message-view";
import type { ParsedMessage } from "@/lib/mime/types";

const base: ParsedMessage = {
  subject: "s",
  from: [{ name: "A", address: "a@x.org" }],
  to: [],
  cc: [],
  replyTo: [],
  date: null,
  messageId: null,
  text: "see https://x.org",
  html: '<p onclick="x()">Hi <img src="https://t.example/p.gif"></p><script>x()</script>',
  inlineImages: {},
  attachments: [],
  problems: [],
};

describe("buildMessageView", () => {
  it("sends sanitized HTML inside a frame document, never the raw HTML or image buffers", () => {
    const view = buildMessageView(base, { allowRemoteContent: false });
    expect(view.body.kind).toBe("html");
    if (view.body.kind !== "html") return;
    expect(view.body.blockedRemoteCount).toBe(1);
    expect(view.body.frameDocument).toContain("<p>Hi <img data-postern-blocked");
    expect(view.body.frameDocument).not.toMatch(/onclick|<script>x|t\.example/);
    expect(Object.keys(view)).not.toEqual(expect.arrayContaining(["html"]));
    expect(view).not.toHaveProperty("html");
    expect(view).not.toHaveProperty("text");
    expect(view).not.toHaveProperty("inlineImages");
  });

  it("splits plain text into link segments when plain text is preferred", () => {
    const view = buildMessageView(base, { allowRemoteContent: false, preferPlainText: true });
    expect(view.body).toEqual({
      kind: "text",
      segments: [
        { kind: "text", value: "see " },
        { kind: "link", value: "https://x.org" },
      ],
    });
  });

  it("says when there is no body", () => {
    expect(buildMessageView({ ...base, html: null, text: null }, { allowRemoteContent: true }).body).toEqual({ kind: "empty" });
  });

  it("lists inline images only when the shown body does not already show them", () => {
    const png = Buffer.from("89504e470d0a1a0a", "hex");
    const logo = { partId: "2", filename: "logo.png", contentType: "image/png", size: 8, disposition: "inline" as const, contentId: "Logo@x" };
    const pdf = { partId: "3", filename: "a.pdf", contentType: "application/pdf", size: 9, disposition: "attachment" as const };
    const msg = { ...base, html: '<img src="cid:logo@x">', inlineImages: { "Logo@x": { contentType: "image/png", data: png } }, attachments: [logo, pdf] };
    expect(buildMessageView(msg, { allowRemoteContent: false }).attachments).toEqual([pdf]);
    // In plain text the picture is not shown, so it stays in the list.
    expect(buildMessageView(msg, { allowRemoteContent: false, preferPlainText: true }).attachments).toEqual([logo, pdf]);
  });
});
