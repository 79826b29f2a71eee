import { describe, expect, it } from "vitest";
import { decompressRtf } from "@/lib/mime/decompress-rtf";

describe("decompressRtf", () => {
  it("decompresses the example of MS-OXRTFCP 3.1.1", () => {
    const compressed = Buffer.from(
      "2d0000002b0000004c5a4675f1c5c7a703000a00726370673132354232 0af32068656c090020627705b06c647d0a800fa0".replace(/ /g, ""),
      "hex",
    );
    expect(decompressRtf(compressed)?.toString("latin1")).toBe("{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n");
  });

  it("reads the uncompressed form, and refuses what is neither", () => {
    const header = Buffer.alloc(16);
    header.writeUInt32LE(16, 0);
    header.writeUInt32LE(4, 4);
    header.write("MELA", 8, "latin1");
    expect(decompressRtf(Buffer.concat([header, Buffer.from("{\\rt")]))?.toString()).toBe("{\\rt");
    expect(decompressRtf(Buffer.from("not compressed rtf at all"))).toBeNull();
  });

  it("stops where a damaged stream ends instead of reading past it", () => {
    const compressed = Buffer.from("2d0000002b0000004c5a4675f1c5c7a703000a0072637067", "hex");
    expect(decompressRtf(compressed)?.toString("latin1")).toBe("{\\rtf1\\ansi\\ansicpg");
  });

  it("does not believe a declared size the data cannot hold", () => {
    const compressed = Buffer.from("2d0000002b0000004c5a4675f1c5c7a703000a00726370673132354232 0af32068656c090020627705b06c647d0a800fa0".replace(/ /g, ""), "hex");
    compressed.writeUInt32LE(0xffffffff, 4);
    expect(decompressRtf(compressed)?.toString("latin1")).toBe("{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n");
  });
});
