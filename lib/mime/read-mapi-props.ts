import iconv from "iconv-lite";

// MAPI properties as TNEF encodes them (MS-OXTNEF 2.1.3.5): only what Postern reads from them,
// the names and types of files. Every read is bounds-checked: the bytes come from the sender.

export type MapiProps = Map<number, string | Buffer>;

const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;
const PT_OBJECT = 0x000d;
const MULTI_VALUE = 0x1000;
const FIXED_SIZES: Record<number, number> = {
  0x0001: 4, 0x0002: 4, 0x0003: 4, 0x0004: 4, 0x0005: 8, 0x0006: 8, 0x0007: 8, 0x000a: 4, 0x000b: 4,
  0x0014: 8, 0x0040: 8, 0x0048: 16,
};
const VARIABLE = new Set([PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT]);

/** Most properties read from one block: a real attachment has a few dozen. */
const MAX_PROPS = 4096;

export class TruncatedError extends Error {}

/** Reads a MAPI property block into a map from property ID (the upper 16 bits of the tag) to
 * its first value: strings decoded (8-bit ones in `codepage`), binary kept as bytes. Named
 * properties are skipped. Stops at the first inconsistency with what was read so far. */
export function readMapiProps(data: Buffer, codepage: string): MapiProps {
  const props: MapiProps = new Map();
  let offset = 0;
  const need = (n: number) => {
    if (n < 0 || offset + n > data.length) throw new TruncatedError("MAPI block ends early");
  };
  const u16 = () => (need(2), (offset += 2), data.readUInt16LE(offset - 2));
  const u32 = () => (need(4), (offset += 4), data.readUInt32LE(offset - 4));
  const padded = (n: number) => (n + 3) & ~3;

  try {
    const count = Math.min(u32(), MAX_PROPS);
    for (let i = 0; i < count; i++) {
      const type = u16();
      const id = u16();
      let named = false;
      if (id >= 0x8000) {
        named = true;
        need(16);
        offset += 16;
        if (u32() === 0) u32();
        else {
          const length = u32();
          need(padded(length));
          offset += padded(length);
        }
      }
      const base = type & ~MULTI_VALUE;
      const values = type & MULTI_VALUE || VARIABLE.has(base) ? u32() : 1;
      for (let v = 0; v < values; v++) {
        let value: string | Buffer | null = null;
        if (VARIABLE.has(base)) {
          const length = u32();
          need(padded(length));
          const bytes = data.subarray(offset, offset + length);
          offset += padded(length);
          value = base === PT_UNICODE ? bytes.toString("utf16le") : base === PT_STRING8 ? iconv.decode(bytes, codepage) : bytes;
          if (typeof value === "string") value = value.replace(/\0+$/, "");
        } else {
          const size = FIXED_SIZES[base];
          if (size === undefined) throw new TruncatedError(`unknown MAPI type ${base}`);
          need(size);
          offset += size;
        }
        if (value !== null && v === 0 && !named && !props.has(id)) props.set(id, value);
      }
    }
  } catch (e) {
    if (!(e instanceof TruncatedError)) throw e;
  }
  return props;
}
