import type { MailParser } from "mailparser";
import type { SplitterNode } from "@/lib/mime/splitter-node";

type ParserInternals = {
  createNode?: (node: SplitterNode) => { decoder?: NodeJS.ReadableStream };
};

/**
 * Works around a mailparser 3.14.2 hang: when the input ends inside the header block of an inline
 * message/rfc822 part (a truncated forward), mailparser waits for the end of that part's decoder,
 * which nobody reads, so the parse never finishes. The decoder of an embedded message's container
 * never receives content (the embedded message is parsed as its own nodes), so letting it flow
 * changes nothing else. Without the internals this does nothing; the parse-message tests cover it.
 */
export function unblockEmbeddedMessages(parser: MailParser): void {
  const internals = parser as unknown as ParserInternals;
  const createNode = internals.createNode;
  if (typeof createNode !== "function") return;
  internals.createNode = function (this: unknown, node) {
    const created = createNode.call(this, node);
    if (node.messageNode && created?.decoder && typeof created.decoder.resume === "function") created.decoder.resume();
    return created;
  };
}
