import { formatMember } from "@/lib/mime/derived-member";
import type { AttachmentInfo, ParsedMessage } from "@/lib/mime/types";

/**
 * A message whose content is inside an S/MIME signed-data part (`partId`), shown as that content:
 * the signed entity's body when the message has none of its own (the usual case: the message is
 * the signed-data part alone), and its files listed as members "p7m:1", "p7m:2" ... of the part,
 * in the order the entity lists them. The entity's own embedded files (TNEF, uuencode), attached
 * messages and invitations stay inside: their part numbers are the entity's, not IMAP's.
 */
export function mergeSignedContent(outer: ParsedMessage, inner: ParsedMessage, partId: string): ParsedMessage {
  const ownBody = outer.html !== null || Boolean(outer.text?.trim());
  const files: AttachmentInfo[] = inner.attachments
    .filter((a) => !a.member)
    .map((a, i) => {
      const { partId: _inner, unpacked: _unpacked, ...rest } = a;
      return { ...rest, partId, member: formatMember({ kind: "p7m", index: i + 1 }) };
    });
  return {
    ...outer,
    text: ownBody ? outer.text : inner.text,
    html: ownBody ? outer.html : inner.html,
    inlineImages: ownBody ? outer.inlineImages : { ...inner.inlineImages, ...outer.inlineImages },
    attachments: [...outer.attachments, ...files],
    problems: [...new Set([...outer.problems, ...inner.problems])],
    security: [...(outer.security ?? []), ...(inner.security ?? [])],
  };
}
