import { type Member, uuencodedMembers } from "@/lib/mime/derived-member";
import type { TextPart } from "@/lib/mime/decode-text-parts";
import { enrichedToText } from "@/lib/mime/enriched-to-text";
import type { SecurityMarker } from "@/lib/mime/types";
import { unflowText } from "@/lib/mime/unflow-text";

export type ShownText = { html: boolean; text: string };

/** A file found inside a text part (uuencoded), listed as an attachment of its own. */
export type TextPartFile = { partId: string; member: Member; name: string; contentType: string; size: number };

const PGP_SIGNED = /^-----BEGIN PGP SIGNED MESSAGE-----\r?$/m;
const PGP_ENCRYPTED = /^-----BEGIN PGP MESSAGE-----\r?$/m;

/**
 * What Postern does to each decoded text part before it is shown: text/enriched becomes plain
 * text, uuencoded files come out of plain text (listed as attachments instead of shown as
 * gibberish) and format=flowed text is unwrapped after that, and inline OpenPGP armour is noted
 * for the signed/encrypted marker.
 */
export function createTextPartReader() {
  const files: TextPartFile[] = [];
  const security: SecurityMarker[] = [];
  /** What each shown text part became, by part number (for reading-flow.ts). */
  const shown = new Map<string, ShownText>();

  function handle(part: TextPart): string {
    const text = read(part);
    shown.set(part.partId, { html: part.contentType === "text/html", text });
    return text;
  }

  function read(part: TextPart): string {
    if (part.contentType === "text/enriched" || part.contentType === "text/richtext") return enrichedToText(part.text);
    if (part.contentType !== "text/plain") return part.text;
    if (PGP_ENCRYPTED.test(part.text)) security.push({ kind: "encrypted", scheme: "pgp", partId: part.partId });
    else if (PGP_SIGNED.test(part.text)) security.push({ kind: "signed", scheme: "pgp", partId: part.partId });
    const found = uuencodedMembers(part.text);
    found.files.forEach((file, i) => {
      const member: Member = { kind: "uue", index: i + 1 };
      files.push({ partId: part.partId, member, name: file.name, contentType: file.contentType, size: file.data.length });
    });
    // uuencode first: its lines may end in spaces, which flowed text reads as soft line breaks
    return part.flowed ? unflowText(found.text, part.flowed) : found.text;
  }

  return { handle, files, security, shown };
}
