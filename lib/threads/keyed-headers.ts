import crypto from "node:crypto";
import { baseSubject, subjectKey } from "./base-subject";
import type { ThreadableMessage } from "./jwz";
import type { ThreadHeaders } from "./read-thread-headers";

/** Threading needs to know which Message-IDs and base subjects are equal, never what they say. */
export type KeyFn = (text: string) => string;

// crypto.hash (one call, no objects: ~5× faster than an Hmac per string) is Node ≥ 20.12.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;
const sha256 = oneShot ? (data: string) => oneShot("sha256", data, "hex") : (data: string) => crypto.createHash("sha256").update(data).digest("hex");

/**
 * Keys for Message-IDs and base subjects: 64 bits of SHA-256 over a secret of this installation
 * and the text (truncated, so a secret prefix is as good as an HMAC here: nothing can be extended).
 * What is kept of a folder's threading headers (stored-thread-headers.ts) is then only equalities:
 * no subject or address can be read back, nor confirmed by guessing without the secret. Lower-case
 * hex, so subjectKey() leaves a key as it is.
 */
export function secretKeys(secret: Buffer): KeyFn {
  const prefix = `${secret.toString("hex")}:`;
  return (text) => sha256(prefix + text).slice(0, 16);
}

/** A message's threading headers as JWZ needs them, every string replaced by its key. */
export function keyedThreadHeaders(uid: number, h: ThreadHeaders, key: KeyFn): ThreadableMessage {
  const subject = baseSubject(h.subject);
  return {
    id: uid,
    messageId: h.messageId === null ? null : key(`id:${h.messageId}`),
    references: h.references.map((r) => key(`id:${r}`)),
    inReplyTo: h.inReplyTo === null ? null : key(`id:${h.inReplyTo}`),
    subject: "",
    date: h.date,
    baseSubject: { base: subject.base ? key(`subject:${subjectKey(subject.base)}`) : "", isReply: subject.isReply },
  };
}
