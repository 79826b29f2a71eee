// mailparser splits messages with mailsplit and does not expose its MIME tree. These are the only
// fields of mailsplit's nodes and chunks that Postern reads (observe-structure.ts,
// unblock-embedded-messages.ts, decode-text-parts.ts, default-digest-parts.ts); mailparser is pinned to an exact version, and the part-number
// and malformed-message tests fail if these change.

export type SplitterNode = {
  parentNode: SplitterNode | false;
  /** The multipart subtype ("mixed", ...) or false for a leaf. */
  multipart: string | false;
  contentType: string | false;
  encoding: string | false;
  /** Content-Disposition value in lower case, or false. */
  disposition: string | false;
  filename: string | false;
  /** Set on a message/rfc822 node whose content is parsed as an embedded message. */
  messageNode?: boolean;
  /** The boundary of a multipart node, false when it has none. */
  _boundary?: Buffer | false;
};

export type SplitterChunk =
  | (SplitterNode & { type: "node" })
  | { type: "data" | "body"; node: SplitterNode; value: Buffer };
