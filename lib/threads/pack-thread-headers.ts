import zlib from "node:zlib";
import type { ThreadableMessage } from "./jwz";

// A folder's keyed threading headers (keyed-headers.ts) as one compact blob: the distinct keys once
// (8 bytes each), then per message its UID, date and indexes into them. ~30 bytes a message
// before compression, so 100,000 messages store in about 3 MB.

const FORMAT = 1;
const NONE = -1;
/** References kept per message: JWZ links by them, and a longer chain adds nothing a shorter misses
 * (the last ones name the parent); a hostile header cannot make the blob grow without bound. */
const MAX_REFERENCES = 64;

export function packThreadHeaders(messages: readonly ThreadableMessage[]): Uint8Array<ArrayBuffer> {
  const keys = new Map<string, number>();
  const indexOf = (key: string | null) => {
    if (key === null || !/^[0-9a-f]{16}$/.test(key)) return NONE;
    let i = keys.get(key);
    if (i === undefined) keys.set(key, (i = keys.size));
    return i;
  };
  const n = messages.length;
  const uids = new Uint32Array(n);
  const dates = new Float64Array(n);
  const fields = new Int32Array(n * 3);
  const replies = new Uint8Array(n);
  const refCounts = new Uint8Array(n);
  const refs: number[] = [];
  messages.forEach((m, i) => {
    uids[i] = m.id;
    dates[i] = m.date ?? NaN;
    fields[i * 3] = indexOf(m.messageId);
    fields[i * 3 + 1] = indexOf(m.inReplyTo);
    fields[i * 3 + 2] = indexOf(m.baseSubject?.base || null);
    replies[i] = m.baseSubject?.isReply ? 1 : 0;
    const own = m.references.slice(-MAX_REFERENCES).map(indexOf).filter((r) => r !== NONE);
    refCounts[i] = own.length;
    refs.push(...own);
  });
  const head = Buffer.alloc(16);
  head.writeUInt32LE(FORMAT, 0);
  head.writeUInt32LE(n, 4);
  head.writeUInt32LE(keys.size, 8);
  head.writeUInt32LE(refs.length, 12);
  const keyBytes = Buffer.alloc(keys.size * 8);
  for (const [key, i] of keys) keyBytes.write(key, i * 8, "hex");
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const packed = zlib.deflateRawSync(Buffer.concat([head, keyBytes, bytes(uids), bytes(dates), bytes(fields), replies, refCounts, bytes(Int32Array.from(refs))]), {
    level: 1,
  });
  return new Uint8Array(packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength) as ArrayBuffer);
}

/** The messages of a blob made by packThreadHeaders; null when it is not one (never throws). */
export function unpackThreadHeaders(blob: Uint8Array): ThreadableMessage[] | null {
  try {
    const raw = zlib.inflateRawSync(blob, { maxOutputLength: 256 * 1024 * 1024 });
    if (raw.length < 16 || raw.readUInt32LE(0) !== FORMAT) return null;
    const n = raw.readUInt32LE(4);
    const keyCount = raw.readUInt32LE(8);
    const refTotal = raw.readUInt32LE(12);
    let at = 16;
    const take = (length: number) => {
      // copied: typed-array views need aligned offsets, and the blob's own buffer is reused by zlib
      const part = Uint8Array.prototype.slice.call(raw, at, at + length);
      if (part.length !== length) throw new Error("truncated");
      at += length;
      return part.buffer;
    };
    const keyBytes = Buffer.from(take(keyCount * 8));
    const keys = Array.from({ length: keyCount }, (_, i) => keyBytes.toString("hex", i * 8, i * 8 + 8));
    const uids = new Uint32Array(take(n * 4));
    const dates = new Float64Array(take(n * 8));
    const fields = new Int32Array(take(n * 12));
    const replies = new Uint8Array(take(n));
    const refCounts = new Uint8Array(take(n));
    const refs = new Int32Array(take(refTotal * 4));
    const keyAt = (i: number) => (i === NONE ? null : (keys[i] ?? null));
    const out: ThreadableMessage[] = [];
    let r = 0;
    for (let i = 0; i < n; i++) {
      const own: string[] = [];
      for (let k = 0; k < refCounts[i]; k++) {
        const key = keyAt(refs[r++]);
        if (key) own.push(key);
      }
      out.push({
        id: uids[i],
        messageId: keyAt(fields[i * 3]),
        inReplyTo: keyAt(fields[i * 3 + 1]),
        references: own,
        subject: "",
        date: Number.isNaN(dates[i]) ? null : dates[i],
        baseSubject: { base: keyAt(fields[i * 3 + 2]) ?? "", isReply: replies[i] === 1 },
      });
    }
    return r === refTotal ? out : null;
  } catch {
    return null;
  }
}
