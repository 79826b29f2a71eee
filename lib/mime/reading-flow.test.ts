import { describe, expect, it } from "vitest";
import type { PartSummary } from "@/lib/mime/observe-structure";
import type { ShownText } from "@/lib/mime/read-text-parts";
import { readingFlow } from "@/lib/mime/reading-flow";
import type { AttachedMessage } from "@/lib/mime/types";

const part = (partId: string, contentType: string, parent: number): PartSummary => ({ partId, contentType, params: {}, parent, embedded: false });
const message = (partId: string, inline: boolean): AttachedMessage => ({
  partId,
  inline,
  message: { subject: "", from: [], to: [], cc: [], replyTo: [], date: null, messageId: null, text: null, html: null, inlineImages: {}, attachments: [], problems: [] },
});
const text = (t: string, html = false): ShownText => ({ html, text: t });

describe("readingFlow", () => {
  it("puts inline messages between the text parts where they stand, skipping files", () => {
    const structure = [part("", "multipart/mixed", -1), part("1", "text/plain", 0), part("2", "message/rfc822", 0), part("3", "application/pdf", 0), part("4", "text/plain", 0)];
    const shownText = new Map([["1", text("before")], ["4", text("after")]]);
    expect(readingFlow({ structure, shownText, attachedMessages: [message("2", true)] })).toEqual([
      { kind: "text", text: "before" },
      { kind: "message", partId: "2" },
      { kind: "text", text: "after" },
    ]);
  });

  it("gives null without an inline message, or when the text is in an alternative or HTML", () => {
    const mixed = [part("", "multipart/mixed", -1), part("1", "text/plain", 0), part("2", "message/rfc822", 0)];
    expect(readingFlow({ structure: mixed, shownText: new Map([["1", text("t")]]), attachedMessages: [message("2", false)] })).toBeNull();
    const alternative = [part("", "multipart/mixed", -1), part("1", "multipart/alternative", 0), part("1.1", "text/plain", 1), part("2", "message/rfc822", 0)];
    expect(readingFlow({ structure: alternative, shownText: new Map([["1.1", text("t")]]), attachedMessages: [message("2", true)] })).toBeNull();
    const html = [part("", "multipart/mixed", -1), part("1", "text/html", 0), part("2", "message/rfc822", 0)];
    expect(readingFlow({ structure: html, shownText: new Map([["1", text("<p>t</p>", true)]]), attachedMessages: [message("2", true)] })).toBeNull();
  });
});
