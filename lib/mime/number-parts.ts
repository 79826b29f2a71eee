import type { SplitterNode } from "@/lib/mime/splitter-node";

/**
 * Returns a function that gives each node of one message its IMAP body-part number (RFC 3501
 * 6.4.5), for nodes seen in document order (parents before children, siblings in order).
 *
 * mailparser's own partId differs from IMAP's in two places, both checked against Dovecot:
 * a message that is not multipart has part "1" (mailparser: null), and the body of an embedded
 * message/rfc822 that is not multipart is "<n>.1" (mailparser: "<n>", the number of the
 * message/rfc822 part itself, whose bytes are the whole embedded message).
 *
 * `prefix` is the part number of the message/rfc822 part when the message being numbered is an
 * attached one, parsed on its own: its parts are numbered as IMAP numbers them in the outer one.
 */
export function createPartNumberer(prefix = ""): (node: SplitterNode) => string {
  const numbers = new WeakMap<SplitterNode, { id: string; children: number }>();

  function numberOf(node: SplitterNode): { id: string; children: number } {
    const known = numbers.get(node);
    if (known) return known;
    const entry = { id: computeId(node), children: 0 };
    numbers.set(node, entry);
    return entry;
  }

  function computeId(node: SplitterNode): string {
    const parent = node.parentNode;
    // A message's body: a multipart body has no number of its own (its children are 1, 2, ...
    // under the message's prefix), any other body is part 1 under that prefix.
    if (!parent) return node.multipart ? prefix : joinId(prefix, 1);
    const parentEntry = numberOf(parent);
    if (!parent.multipart) return node.multipart ? parentEntry.id : joinId(parentEntry.id, 1);
    parentEntry.children += 1;
    return joinId(parentEntry.id, parentEntry.children);
  }

  return (node) => numberOf(node).id;
}

function joinId(prefix: string, index: number): string {
  return prefix ? `${prefix}.${index}` : String(index);
}
