import { chooseBody } from "@/lib/mime/choose-body";
import { buildFrameDocument } from "@/lib/mime/frame-document";
import { linkifyText, type TextSegment } from "@/lib/mime/linkify-text";
import { sanitizeEmailHtml } from "@/lib/mime/sanitize-html";
import type { ParsedMessage } from "@/lib/mime/types";

export type MessageBodyView =
  /** `frameDocument` goes into a sandboxed iframe's srcdoc, nowhere else. */
  | { kind: "html"; frameDocument: string; blockedRemoteCount: number }
  | { kind: "text"; segments: TextSegment[] }
  | { kind: "empty" };

/** What the browser gets for one message: no raw HTML and no image buffers, only safe data. */
export type MessageView = Omit<ParsedMessage, "text" | "html" | "inlineImages"> & { body: MessageBodyView };

/** Turns a parsed message into display data: picks the body, sanitizes HTML into a frame document,
 * or splits plain text into text and link segments. */
export function buildMessageView(
  msg: ParsedMessage,
  opts: { allowRemoteContent: boolean; preferPlainText?: boolean },
): MessageView {
  const { text: _text, html: _html, inlineImages, ...rest } = msg;
  const choice = chooseBody(msg, { preferPlainText: opts.preferPlainText ?? false });
  let body: MessageBodyView;
  if (choice.kind === "html") {
    const safe = sanitizeEmailHtml(choice.html, { allowRemoteContent: opts.allowRemoteContent, inlineImages });
    body = {
      kind: "html",
      frameDocument: buildFrameDocument(safe.html, { allowRemoteContent: opts.allowRemoteContent }),
      blockedRemoteCount: safe.blockedRemoteCount,
    };
  } else if (choice.kind === "text") {
    body = { kind: "text", segments: linkifyText(choice.text) };
  } else {
    body = { kind: "empty" };
  }
  // Pictures of the HTML body are shown in it; listing them as attachments too is noise (Gmail
  // and Roundcube hide them the same way). Unreferenced inline parts stay downloadable.
  const shownHtml = choice.kind === "html" ? choice.html.toLowerCase() : "";
  const attachments = rest.attachments.filter(
    (a) => !(a.contentId && a.contentId in inlineImages && shownHtml.includes(`cid:${a.contentId.toLowerCase()}`)),
  );
  return { ...rest, attachments, body };
}
