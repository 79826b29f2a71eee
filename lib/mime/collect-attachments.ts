import { setMaxListeners } from "node:events";
import type { AttachmentStream } from "mailparser";
import { cleanFilename } from "@/lib/mime/clean-filename";
import { drainAttachment, type DrainedAttachment } from "@/lib/mime/drain-attachment";
import { PROBLEMS } from "@/lib/mime/problems";
import type { AttachmentInfo, ParsedMessage } from "@/lib/mime/types";

/** Largest single inline image kept for display: a phone photo pasted into a message fits. */
export const MAX_INLINE_IMAGE_BYTES = 4 * 1024 * 1024;
/** All inline images of one message together: they travel base64 (+33%) inside the frame document,
 * so this keeps that document under ~16 MB. Attached messages draw on the same budget. */
export const MAX_INLINE_IMAGES_TOTAL_BYTES = 12 * 1024 * 1024;
/** Attached messages parsed for display in one message, nested ones included: a digest of
 * hundreds is shown as its first ones, the rest stay downloadable. */
export const MAX_ATTACHED_MESSAGES = 25;
/** Largest winmail.dat unpacked for the list of its files; it is held in memory while read. */
export const MAX_TNEF_BYTES = 32 * 1024 * 1024;
/** Largest S/MIME signed-data part opened to show the message inside; held in memory while read,
 * as a winmail.dat is. */
export const MAX_SMIME_BYTES = 32 * 1024 * 1024;
/** Calendar and report parts are a few KiB; anything much larger is not one a person reads. */
export const MAX_CALENDAR_BYTES = 1024 * 1024;
export const MAX_REPORT_BYTES = 256 * 1024;

const REPORT_TYPES = new Set([
  "message/delivery-status",
  "message/global-delivery-status",
  "message/disposition-notification",
  "message/global-disposition-notification",
  "text/rfc822-headers",
  "message/global-headers",
]);
const MESSAGE_TYPES = new Set(["message/rfc822", "message/global"]);
const SMIME_TYPES = new Set(["application/pkcs7-mime", "application/x-pkcs7-mime"]);

/** Shared by a message and the messages attached to it, so nesting cannot multiply the caps. */
export type ParseBudget = { imageBytes: number; attachedMessages: number };

export function createParseBudget(): ParseBudget {
  return { imageBytes: MAX_INLINE_IMAGES_TOTAL_BYTES, attachedMessages: MAX_ATTACHED_MESSAGES };
}

export type CollectedPart = {
  info: AttachmentInfo;
  /** The whole content, for the types read further (TNEF, calendar, reports); else null. */
  content: Buffer | null;
  /** The parsed message, for an attached message. */
  message: ParsedMessage | null;
};

export type CollectedAttachments = Pick<ParsedMessage, "attachments" | "inlineImages" | "problems"> & { parts: CollectedPart[] };

export type CollectorOptions = {
  partIdFor: (headers: object, fallback: string | null) => string;
  budget: ParseBudget;
  /** Parses an attached message from its content; absent where nesting is already deep. */
  parseAttached?: (content: NodeJS.ReadableStream, partId: string) => Promise<ParsedMessage>;
  /** Keep every part's content (up to MAX_SMIME_BYTES), for taking one file out of a message
   * that is already in memory. */
  keepAll?: boolean;
};

type Pending = { info: Omit<AttachmentInfo, "size">; drained: Promise<DrainedAttachment>; message: Promise<ParsedMessage | null> };

/**
 * Takes mailparser's attachment streams as they come, releases each at once so the parser goes on,
 * and drains its content: sizes are counted, and only inline images under the caps are kept, and
 * the parts Postern reads further (attached messages are parsed as they stream).
 */
export function createAttachmentCollector({ partIdFor, budget, parseAttached, keepAll = false }: CollectorOptions) {
  const pending: Pending[] = [];
  const problems = new Set<string>();
  const abandoned = new AbortController();
  // Every part of the message listens to it (the parser's part limit bounds how many): without
  // this, mail with more than 10 attachments printed a MaxListenersExceededWarning.
  setMaxListeners(0, abandoned.signal);

  function add(attachment: AttachmentStream): void {
    const partId = partIdFor(attachment.headers, attachment.partId);
    const contentType = (attachment.contentType || "application/octet-stream").toLowerCase();
    const contentId = attachment.cid || undefined;
    const inline = attachment.contentDisposition === "inline" || (!attachment.contentDisposition && Boolean(attachment.related));
    const filename = cleanFilename(repairedFilename(attachment.headers) ?? attachment.filename, contentType, partId);
    const info: Omit<AttachmentInfo, "size"> = {
      partId,
      filename,
      contentType,
      disposition: inline ? "inline" : "attachment",
      ...(contentId ? { contentId } : {}),
    };
    let message: Promise<ParsedMessage | null> = Promise.resolve(null);
    if (MESSAGE_TYPES.has(contentType) && parseAttached) {
      if (budget.attachedMessages > 0) {
        budget.attachedMessages--;
        message = parseAttached(attachment.content, partId);
        // after a parser failure the part never ends; closing it ends the nested parse too
        const content = attachment.content as NodeJS.ReadableStream & { destroy?: () => void };
        abandoned.signal.addEventListener("abort", () => content.destroy?.(), { once: true });
      } else problems.add(PROBLEMS.attachedMessagesLimit);
    }
    // Outlook sends some embedded images as octet-stream; the magic bytes decide either way.
    const mayBeImage = contentId !== undefined && (contentType.startsWith("image/") || contentType === "application/octet-stream");
    // Reserved up front and the unused part given back: the next part may start before this ends.
    const keep = mayBeImage ? Math.min(MAX_INLINE_IMAGE_BYTES, budget.imageBytes) : 0;
    budget.imageBytes -= keep;
    const smimeType = contentTypeParam(attachment.headers, "smime-type")?.toLowerCase();
    const drained = drainAttachment(attachment.content, keep, abandoned.signal, keepAll ? MAX_SMIME_BYTES : captureLimit(contentType, filename, smimeType)).then((result) => {
      budget.imageBytes += keep - (result.image?.data.length ?? 0);
      return result;
    });
    pending.push({ info, drained, message });
    attachment.release?.();
  }

  /** Stops waiting for parts that will never end (after a parser failure); they count as failed. */
  function abandon(): void {
    abandoned.abort();
  }

  async function finish(): Promise<CollectedAttachments> {
    const parts: CollectedPart[] = [];
    // a Map, not an object literal: a Content-ID of "__proto__" must stay an ordinary key
    const images = new Map<string, ParsedMessage["inlineImages"][string]>();
    for (const { info, drained, message } of pending) {
      const [result, parsed] = await Promise.all([drained, message]);
      const filename = parsed && /^part-[\d.]+\.eml$/.test(info.filename) && parsed.subject ? cleanFilename(`${parsed.subject}.eml`, info.contentType, info.partId) : info.filename;
      const preview = result.sniffedType ? { previewType: result.sniffedType } : {};
      parts.push({ info: { ...info, filename, size: result.size, ...preview }, content: result.content, message: parsed });
      if (result.image && info.contentId && !images.has(info.contentId)) images.set(info.contentId, result.image);
      if (result.imageTooLarge) problems.add(PROBLEMS.inlineImagesTooLarge);
      if (result.failed) problems.add(PROBLEMS.damagedStructure);
    }
    return { attachments: parts.map((p) => p.info), inlineImages: Object.fromEntries(images), problems: [...problems], parts };
  }

  return { add, abandon, finish };
}

function captureLimit(contentType: string, filename: string, smimeType: string | undefined): number {
  if (SMIME_TYPES.has(contentType) && smimeType === "signed-data") return MAX_SMIME_BYTES;
  if (contentType === "application/ms-tnef" || contentType === "application/vnd.ms-tnef" || /^win(?:mail)?\.dat$/i.test(filename)) {
    return MAX_TNEF_BYTES;
  }
  if (contentType === "text/calendar" || contentType === "application/ics") return MAX_CALENDAR_BYTES;
  return REPORT_TYPES.has(contentType) ? MAX_REPORT_BYTES : 0;
}

function contentTypeParam(headers: unknown, name: string): string | undefined {
  if (!(headers instanceof Map)) return undefined;
  const value: unknown = headers.get("content-type")?.params?.[name];
  return typeof value === "string" ? value : undefined;
}

/** The file name from the part's headers as Postern repaired them (8-bit names in the right
 * charset); mailsplit's own copy was read before the repair. */
function repairedFilename(headers: unknown): string | undefined {
  if (!(headers instanceof Map)) return undefined;
  for (const [header, param] of [["content-disposition", "filename"], ["content-type", "name"]]) {
    const value: unknown = headers.get(header)?.params?.[param];
    if (typeof value === "string" && value.trim()) return value;
  }
  return undefined;
}
