// Compressed RTF (MS-OXRTFCP), the form Outlook stores a message body in (PR_RTF_COMPRESSED, in a
// winmail.dat): a 16-byte header, then LZ77 over a 4 KiB ring that starts out holding a fixed
// prefix of typical RTF. Every read is bounds-checked: the bytes come from the sender.

const COMPRESSED = 0x75465a4c; // "LZFu"
const UNCOMPRESSED = 0x414c454d; // "MELA"
const RING_SIZE = 4096;
const PREBUF = Buffer.from(
  "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx",
  "latin1",
);

/** Largest body decompressed: far beyond any letter, small enough to hold in memory. */
export const MAX_RTF_BYTES = 8 * 1024 * 1024;

/** The RTF in a compressed-RTF stream, or null when `data` is not one. Stops at MAX_RTF_BYTES,
 * at the declared size, or where the data ends early, returning what was read until then. */
export function decompressRtf(data: Buffer): Buffer | null {
  if (data.length < 16) return null;
  const rawSize = data.readUInt32LE(4);
  const type = data.readUInt32LE(8);
  // a reference (2 bytes and a control bit) yields at most 17 bytes: a declared size past that
  // is a lie, and is not allocated
  const limit = Math.min(rawSize, MAX_RTF_BYTES, data.length * 9);
  if (type === UNCOMPRESSED) return Buffer.from(data.subarray(16, 16 + limit));
  if (type !== COMPRESSED) return null;

  const ring = Buffer.alloc(RING_SIZE);
  PREBUF.copy(ring);
  let write = PREBUF.length;
  const out = Buffer.alloc(limit);
  let length = 0;
  let offset = 16;
  const end = Math.min(data.length, data.readUInt32LE(0) + 4);
  const put = (byte: number) => {
    ring[write] = byte;
    write = (write + 1) % RING_SIZE;
    out[length++] = byte;
  };
  while (offset < end && length < limit) {
    const control = data[offset++];
    for (let bit = 0; bit < 8 && offset < end && length < limit; bit++) {
      if ((control & (1 << bit)) === 0) {
        put(data[offset++]);
        continue;
      }
      if (offset + 2 > end) return out.subarray(0, length);
      const reference = data.readUInt16BE(offset);
      offset += 2;
      let read = reference >> 4;
      // a reference to the write position marks the end (MS-OXRTFCP 2.2.3.1)
      if (read === write) return out.subarray(0, length);
      const count = (reference & 0x0f) + 2;
      // byte by byte: a reference may reach into what it is writing
      for (let i = 0; i < count && length < limit; i++) {
        put(ring[read]);
        read = (read + 1) % RING_SIZE;
      }
    }
  }
  return out.subarray(0, length);
}
