// Which image bytes may be shown inline. The declared Content-Type is the sender's claim; the
// magic bytes are what the browser will actually decode, so both have to agree on a raster type.
// SVG is never on the list: it is a document that can carry scripts and fetch remote resources.

export const SAFE_IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type SafeImageType = (typeof SAFE_IMAGE_TYPES)[number];

/** Bytes needed to recognise every type below (WebP: "RIFF" size "WEBP"). */
export const IMAGE_SNIFF_BYTES = 12;

export function isSafeImageType(contentType: string): contentType is SafeImageType {
  return (SAFE_IMAGE_TYPES as readonly string[]).includes(contentType.trim().toLowerCase());
}

/** The raster type the bytes really are, or null when they are none of the safe ones. */
export function sniffImageType(head: Buffer): SafeImageType | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return "image/png";
  }
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  const ascii = head.subarray(0, IMAGE_SNIFF_BYTES).toString("latin1");
  if (ascii.startsWith("GIF87a") || ascii.startsWith("GIF89a")) return "image/gif";
  if (ascii.startsWith("RIFF") && ascii.slice(8, 12) === "WEBP") return "image/webp";
  return null;
}
