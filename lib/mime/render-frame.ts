import { chooseBody } from "@/lib/mime/choose-body";
import { buildFrameDocument, type FrameScheme } from "@/lib/mime/frame-document";
import { sanitizeEmailHtml } from "@/lib/mime/sanitize-html";
import type { ParsedMessage } from "@/lib/mime/types";

/** Remote images through Postern's image proxy: `rewrite` turns an image URL into its proxy URL,
 * `url` is the proxy's absolute address, the only image source the frame's CSP then allows. */
export type FrameImageProxy = { rewrite: (url: string) => string; url: string };

/**
 * The frame document of a message's HTML body, or of the attached message at part `part`
 * (nested ones included, e.g. "2.3"), exactly as buildMessageView makes it for the same options.
 * null when there is no such message or its body is not HTML.
 */
export function renderMessageFrame(msg: ParsedMessage, opts: { allowRemoteContent: boolean; part?: string; imageProxy?: FrameImageProxy; scheme?: FrameScheme }): string | null {
  const target = opts.part ? findAttachedMessage(msg, opts.part) : msg;
  if (!target) return null;
  const choice = chooseBody(target, { preferPlainText: false });
  if (choice.kind !== "html") return null;
  const safe = sanitizeEmailHtml(choice.html, {
    allowRemoteContent: opts.allowRemoteContent,
    inlineImages: target.inlineImages,
    proxyImage: opts.imageProxy?.rewrite,
  });
  return buildFrameDocument(safe.html, { allowRemoteContent: opts.allowRemoteContent, imageProxyUrl: opts.imageProxy?.url, scheme: opts.scheme });
}

function findAttachedMessage(msg: ParsedMessage, part: string): ParsedMessage | null {
  for (const attached of msg.attachedMessages ?? []) {
    if (attached.partId === part) return attached.message;
    const nested = findAttachedMessage(attached.message, part);
    if (nested) return nested;
  }
  return null;
}
