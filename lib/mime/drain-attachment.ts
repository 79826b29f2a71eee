import { IMAGE_SNIFF_BYTES, sniffImageType, type SafeImageType } from "@/lib/mime/safe-image";

export type DrainedAttachment = {
  /** Decoded bytes seen. */
  size: number;
  /** The content, when it was asked for, is a safe raster image and fits in `keepImageBytes`. */
  image: { contentType: SafeImageType; data: Buffer } | null;
  /** It was a safe raster image but larger than `keepImageBytes`. */
  imageTooLarge: boolean;
  /** All of the content, when it was asked for (`keepBytes`) and fits; else null. */
  content: Buffer | null;
  /** The content stream failed or was abandoned; `size` counts what arrived before. */
  failed: boolean;
  /** The raster type the first bytes are (whatever was declared), for any attachment. */
  sniffedType: SafeImageType | null;
};

/**
 * Reads an attachment's content to the end, counting its size. Only a safe raster image of at most
 * `keepImageBytes` is kept in memory (0: keep nothing), so a large attachment costs no memory.
 * `signal` settles it early: a parser that failed never ends the part it was in. Never rejects.
 * With `keepBytes`, any content up to that size is kept too (a calendar, a winmail.dat to unpack).
 */
export function drainAttachment(
  content: NodeJS.ReadableStream,
  keepImageBytes: number,
  signal: AbortSignal,
  keepBytes = 0,
): Promise<DrainedAttachment> {
  return new Promise((resolve) => {
    let size = 0;
    let kept: Buffer[] | null = keepBytes > 0 ? [] : null;
    let chunks: Buffer[] | null = keepImageBytes > 0 ? [] : null;
    let type: SafeImageType | null = null;
    let imageTooLarge = false;
    let settled = false;
    let head = Buffer.alloc(0);

    const finish = (failed: boolean) => {
      if (settled) return;
      settled = true;
      // a part cut short is no image to show, only a size to report
      const data = !failed && chunks && type ? Buffer.concat(chunks) : null;
      const all = !failed && kept ? Buffer.concat(kept) : null;
      const sniffedType = failed ? null : sniffImageType(head);
      resolve({ size, image: data && type ? { contentType: type, data } : null, imageTooLarge, content: all, failed, sniffedType });
    };

    content.on("data", (chunk: Buffer | string) => {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (head.length < IMAGE_SNIFF_BYTES) head = Buffer.concat([head, bytes.subarray(0, IMAGE_SNIFF_BYTES - head.length)]);
      if (kept && size > keepBytes) kept = null;
      kept?.push(bytes);
      if (!chunks) return;
      chunks.push(bytes);
      if (!type && size >= IMAGE_SNIFF_BYTES) {
        type = sniffImageType(Buffer.concat(chunks));
        if (!type) chunks = null;
      }
      if (chunks && size > keepImageBytes) {
        imageTooLarge = type !== null;
        chunks = null;
      }
    });
    content.on("end", () => {
      // an image shorter than the sniff window still gets its one look
      if (chunks && !type) type = sniffImageType(Buffer.concat(chunks));
      finish(false);
    });
    content.on("error", () => finish(true));
    if (signal.aborted) finish(true);
    else signal.addEventListener("abort", () => finish(true), { once: true });
  });
}
