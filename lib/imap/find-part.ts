import type { MessageStructureObject } from "imapflow";

export const isMultipartNode = (n: MessageStructureObject) => (n.type ?? "").toLowerCase().startsWith("multipart/");
const isMessage = (n: MessageStructureObject) => /^message\/(?:rfc822|global)$/i.test(n.type ?? "");

/**
 * The node of a BODYSTRUCTURE that IMAP part number `partId` names (RFC 3501 6.4.5), numbered here
 * rather than read from imapflow's `part`, which it leaves unset at the top of a single-part
 * message and inside a single-part attached one. For a number both a message/rfc822 part and its
 * multipart body answer to, the message part is returned: BODY[n] is the whole attached message.
 */
export function findPart(root: MessageStructureObject | undefined, partId: string): MessageStructureObject | null {
  if (!root) return null;
  const visit = (node: MessageStructureObject, id: string, depth: number): MessageStructureObject | null => {
    if (id === partId) return node;
    // Only a number that starts with this one can be inside it; depth bounds hostile nesting.
    if ((id && !partId.startsWith(`${id}.`)) || depth > 100) return null;
    if (isMultipartNode(node)) {
      const children = node.childNodes ?? [];
      for (let i = 0; i < children.length; i++) {
        const found = visit(children[i], id ? `${id}.${i + 1}` : String(i + 1), depth + 1);
        if (found) return found;
      }
      return null;
    }
    const inner = isMessage(node) ? node.childNodes?.[0] : undefined;
    return inner ? visit(inner, isMultipartNode(inner) ? id : `${id}.1`, depth + 1) : null;
  };
  return visit(root, isMultipartNode(root) ? "" : "1", 0);
}

/** Whether BINARY may fetch the part: a leaf whose transfer encoding the server removes. An
 * attached message is never fetched that way, since BINARY decodes every part inside it too. */
export function binaryFetchable(node: MessageStructureObject): boolean {
  return !isMultipartNode(node) && !isMessage(node);
}

