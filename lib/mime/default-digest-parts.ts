import type { MailParser } from "mailparser";

type DigestNode = {
  parentNode: DigestNode | false;
  multipart: string | false;
  contentType: string | false;
  rfc822: boolean;
  headers: { get(key: string): unknown[] } | false;
  parseHeaders(): void;
};
type SplitterInternals = { splitter?: { node?: DigestNode; newNode?: (parent?: DigestNode | false) => void } };

/**
 * Makes the parts of a multipart/digest without a Content-Type of their own message/rfc822, as
 * RFC 2046 5.1.5 says (mailsplit reads them as text/plain, showing the messages' headers as body
 * text). They then come out as attached messages. Hooks mailsplit's node creation, which
 * mailparser does not expose; without it this does nothing and digests read as before.
 */
export function defaultDigestParts(parser: MailParser): void {
  const splitter = (parser as unknown as SplitterInternals).splitter;
  const newNode = splitter?.newNode;
  if (!splitter || typeof newNode !== "function") return;
  splitter.newNode = function (this: unknown, parent?: DigestNode | false) {
    newNode.call(this, parent);
    const node = splitter.node;
    if (!node || !parent || parent.multipart !== "digest" || typeof node.parseHeaders !== "function") return;
    const parseHeaders = node.parseHeaders;
    node.parseHeaders = function (this: DigestNode) {
      const first = !this.headers;
      parseHeaders.call(this);
      if (first && this.headers && this.headers.get("Content-Type").length === 0) {
        this.contentType = "message/rfc822";
        this.rfc822 = true;
      }
    };
  };
}
