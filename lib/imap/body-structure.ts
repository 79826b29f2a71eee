import type { MessageStructureObject } from "imapflow";

/**
 * Whether a message has something the user would call an attachment, decided from BODYSTRUCTURE
 * alone (no download): a part marked as attachment, or a non-text leaf that is not an image
 * inside multipart/related (those are pictures of the HTML body).
 */
export function hasAttachments(node: MessageStructureObject | undefined, parentType = ""): boolean {
  if (!node) return false;
  if (node.childNodes?.length) return node.childNodes.some((c) => hasAttachments(c, node.type));
  const type = (node.type ?? "").toLowerCase();
  if (node.disposition?.toLowerCase() === "attachment") return true;
  if (type.startsWith("text/") || type.startsWith("multipart/")) return false;
  if (parentType.toLowerCase() === "multipart/related" && type.startsWith("image/")) return false;
  return true;
}
