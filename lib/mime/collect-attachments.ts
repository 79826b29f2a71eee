import type { AttachmentStream } from "mailparser";
import { cleanFilename } from "@/lib/mime/clean-filename";
import { drainAttachment, type DrainedAttachment } from "@/lib/mime/drain-attachment";
import { PROBLEMS } from "@/lib/mime/problems";
import type { AttachmentInfo, ParsedMessage } from "@/lib/mime/types";

/** Largest single inline image kept for display: a phone photo pasted into a message fits. */
export const MAX_INLINE_IMAGE_BYTES = 4 * 1024 * 1024;
/** All inline images of one message together: they travel base64 (+33%) inside the frame document,
 * so this keeps that document under ~16 MB. */
export const MAX_INLINE_IMAGES_TOTAL_BYTES = 12 * 1024 * 1024;

export type CollectedAttachments = Pick<ParsedMessage, "attachments" | "inlineImages" | "problems">;

type Pending = { info: Omit<AttachmentInfo, "size">; drained: Promise<DrainedAttachment> };

/**
 * Takes mailparser's attachment streams as they come, releases each at once so the parser goes on,
 * and drains its content: sizes are counted, and only inline images under the caps are kept.
 */
export function createAttachmentCollector(partIdFor: (headers: object, fallback: string | null) => string) {
  const pending: Pending[] = [];
  const abandoned = new AbortController();
  let imageBudget = MAX_INLINE_IMAGES_TOTAL_BYTES;

  function add(attachment: AttachmentStream): void {
    const partId = partIdFor(attachment.headers, attachment.partId);
    const contentType = (attachment.contentType || "application/octet-stream").toLowerCase();
    const contentId = attachment.cid || undefined;
    const inline = attachment.contentDisposition === "inline" || (!attachment.contentDisposition && Boolean(attachment.related));
    const info: Omit<AttachmentInfo, "size"> = {
      partId,
      filename: cleanFilename(attachment.filename, contentType, partId),
      contentType,
      disposition: inline ? "inline" : "attachment",
      ...(contentId ? { contentId } : {}),
    };
    // Outlook sends some embedded images as octet-stream; the magic bytes decide either way.
    const mayBeImage = contentId !== undefined && (contentType.startsWith("image/") || contentType === "application/octet-stream");
    // Reserved up front and the unused part given back: the next part may start before this ends.
    const keep = mayBeImage ? Math.min(MAX_INLINE_IMAGE_BYTES, imageBudget) : 0;
    imageBudget -= keep;
    const drained = drainAttachment(attachment.content, keep, abandoned.signal).then((result) => {
      imageBudget += keep - (result.image?.data.length ?? 0);
      return result;
    });
    pending.push({ info, drained });
    attachment.release?.();
  }

  /** Stops waiting for parts that will never end (after a parser failure); they count as failed. */
  function abandon(): void {
    abandoned.abort();
  }

  async function finish(): Promise<CollectedAttachments> {
    const attachments: AttachmentInfo[] = [];
    // a Map, not an object literal: a Content-ID of "__proto__" must stay an ordinary key
    const images = new Map<string, ParsedMessage["inlineImages"][string]>();
    const problems = new Set<string>();
    for (const { info, drained } of pending) {
      const result = await drained;
      attachments.push({ ...info, size: result.size });
      if (result.image && info.contentId && !images.has(info.contentId)) images.set(info.contentId, result.image);
      if (result.imageTooLarge) problems.add(PROBLEMS.inlineImagesTooLarge);
      if (result.failed) problems.add(PROBLEMS.damagedStructure);
    }
    return { attachments, inlineImages: Object.fromEntries(images), problems: [...problems] };
  }

  return { add, abandon, finish };
}
