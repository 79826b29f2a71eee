import { Transform, type TransformCallback } from "node:stream";
import type { MailParser } from "mailparser";
import { decodeText } from "@/lib/mime/decode-text";
import type { SplitterNode } from "@/lib/mime/splitter-node";
import type { FlowedOptions } from "@/lib/mime/unflow-text";

export type TextPart = {
  partId: string;
  /** As declared: text/plain, text/html, or text/enriched (which is shown as plain text). */
  contentType: string;
  text: string;
  /** Set on format=flowed text (RFC 3676), which is handed over still wrapped. */
  flowed?: FlowedOptions;
};

/** Returns the text to show for a part: the place to take things out of it (uuencoded files). */
export type TextPartHandler = (part: TextPart) => string;

type CreatedNode = {
  headers?: object;
  contentType?: string;
  charset?: string;
  disposition?: string;
  isAttachment?: boolean;
  decoder?: unknown;
  /** mailsplit's node; mailparser unwraps flowed text when `flowed` is set on it. */
  node?: { flowed?: boolean; delSp?: boolean };
};
type Decoder = { decodeStream(charset: string): NodeJS.ReadWriteStream };
type ParserInternals = { createNode?: (node: SplitterNode) => CreatedNode; decoder?: Decoder };

// Marks a part in mailparser's `charset` field so its decoder comes from here; mailparser only
// asks for a decoder when the charset is not UTF-8 or ASCII, and this is neither.
const MARKER = "x-postern-part-";
const SHOWN_TYPES = new Set(["text/plain", "text/html"]);
const ENRICHED_TYPES = new Set(["text/enriched", "text/richtext"]);
// Stateful 7-bit charsets iconv-lite lacks; mailparser's own decoder (libmime) reads them right.
const LEFT_TO_MAILPARSER = /^(?:csiso2022jp|iso-?2022-?(?:jp|kr|cn))/i;

/**
 * Takes over decoding of the text parts mailparser shows (text/plain, text/html, and text/enriched,
 * which becomes a plain text part unless it is an alternative to one): their bytes are decoded
 * with decodeText (declared charset checked against the bytes, detection when it is missing or
 * wrong, UTF-7 allowed since Postern sanitizes after decoding), then handed to `handle`, flowed
 * text still wrapped.
 * Without mailparser's internals this does nothing and mailparser decodes as before.
 */
export function decodeTextParts(parser: MailParser, partIdFor: (headers: object) => string, handle: TextPartHandler): void {
  const internals = parser as unknown as ParserInternals;
  const createNode = internals.createNode;
  const original = internals.decoder;
  if (typeof createNode !== "function" || !original || typeof original.decodeStream !== "function") return;
  const pending = new Map<string, { declared: string | undefined; contentType: string; headers: object; flowed?: FlowedOptions }>();
  const alternativesWithPlain = new WeakSet<SplitterNode>();
  let counter = 0;

  internals.createNode = function (this: unknown, node: SplitterNode) {
    const created = createNode.call(this, node);
    if (!created || !created.decoder || typeof created.contentType !== "string") return created;
    const contentType = created.contentType;
    const parent = node.parentNode;
    const inAlternative = parent && parent.multipart === "alternative";
    if (inAlternative && contentType === "text/plain") alternativesWithPlain.add(parent);
    if (ENRICHED_TYPES.has(contentType) && (!node.disposition || node.disposition === "inline") && !(inAlternative && alternativesWithPlain.has(parent))) {
      created.contentType = "text/plain";
      created.disposition = "inline";
      created.isAttachment = false;
    }
    if (created.isAttachment || !SHOWN_TYPES.has(created.contentType) || LEFT_TO_MAILPARSER.test(created.charset ?? "")) return created;
    const key = `${MARKER}${++counter}`;
    // flowed text is unwrapped by the handler, after it took out what the wrapping would break
    const flowed = created.node?.flowed && created.contentType === "text/plain" ? { delSp: Boolean(created.node.delSp) } : undefined;
    if (flowed && created.node) created.node.flowed = false;
    pending.set(key, { declared: created.charset, contentType, headers: created.headers ?? {}, ...(flowed ? { flowed } : {}) });
    created.charset = key;
    return created;
  };

  internals.decoder = {
    decodeStream(charset: string) {
      const part = pending.get(charset);
      if (!part) return original.decodeStream(charset);
      pending.delete(charset);
      return collectAndDecode((bytes) => {
        const text = decodeText(bytes, part.declared);
        try {
          return handle({ partId: partIdFor(part.headers), contentType: part.contentType, text, ...(part.flowed ? { flowed: part.flowed } : {}) });
        } catch {
          return text;
        }
      });
    },
  };
}

/** A stream that gathers a part's bytes (mailparser gathers them too) and emits them decoded. */
function collectAndDecode(decode: (bytes: Buffer) => string): Transform {
  const chunks: Buffer[] = [];
  return new Transform({
    transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk);
      done();
    },
    flush(done: TransformCallback) {
      try {
        done(null, Buffer.from(decode(Buffer.concat(chunks)), "utf8"));
      } catch (e) {
        done(e as Error);
      }
    },
  });
}
