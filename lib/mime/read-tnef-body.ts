import { decodeText } from "@/lib/mime/decode-text";
import { decompressRtf } from "@/lib/mime/decompress-rtf";
import { readRtfBody, type RtfBody } from "@/lib/mime/read-rtf-body";
import type { TnefBody } from "@/lib/mime/read-tnef";

const META_CHARSET = /<meta[^>]+charset=["']?([\w.:-]+)/i;

/**
 * The body a winmail.dat carries, for a message with none outside it (Outlook's "rich text"
 * mail): HTML where Outlook kept it (PR_HTML, or HTML wrapped in the compressed RTF), else the
 * text (the RTF's own, or the plain PR_BODY). Null when it carries none. The HTML is raw: it is
 * sanitized with the rest of the message.
 */
export function readTnefBody(body: TnefBody): RtfBody | null {
  if (body.html !== undefined) {
    const html = typeof body.html === "string" ? body.html : decodeText(body.html, META_CHARSET.exec(body.html.toString("latin1"))?.[1]);
    if (html.trim()) return { kind: "html", html };
  }
  const rtf = body.compressedRtf ? decompressRtf(body.compressedRtf) : null;
  const fromRtf = rtf ? readRtfBody(rtf) : null;
  if (fromRtf?.kind === "html" && fromRtf.html.trim()) return fromRtf;
  if (body.text?.trim()) return { kind: "text", text: body.text };
  if (fromRtf?.kind === "text" && fromRtf.text.trim()) return fromRtf;
  return null;
}
