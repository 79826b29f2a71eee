import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { peekStream } from "./peek-stream";

async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value);
  return out;
}
const collect = async (stream: ReadableStream<Uint8Array>) => Buffer.concat(await chunksOf(stream));

describe("peekStream", () => {
  it("gives the head and then every byte, across chunk boundaries, in the source's own chunks", async () => {
    const chunks = [Buffer.from("ab"), Buffer.from("cdefgh"), Buffer.from("ijklmnop")];
    const { head, stream } = await peekStream(Readable.from(chunks), 5);
    expect(head.toString()).toBe("abcde");
    const got = await chunksOf(stream);
    expect(got).toEqual(chunks);
    expect(got[2]).toBe(chunks[2]); // not copied
  });

  it("copes with a stream shorter than the head, and an empty one", async () => {
    const short = await peekStream(Readable.from([Buffer.from("xy")]), 12);
    expect(short.head.toString()).toBe("xy");
    expect((await collect(short.stream)).toString()).toBe("xy");
    const empty = await peekStream(Readable.from([]), 12);
    expect(empty.head.length).toBe(0);
    expect((await collect(empty.stream)).length).toBe(0);
  });

  it("reads only one chunk ahead of the reader", async () => {
    let pulled = 0;
    const source = new Readable({
      highWaterMark: 1,
      read() {
        pulled++;
        this.push(Buffer.alloc(1024));
      },
    });
    const { stream } = await peekStream(source, 12);
    const reader = stream.getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 20));
    expect(pulled).toBeLessThan(6);
    await reader.cancel();
  });

  it("closes the source when the reader stops early", async () => {
    const source = new Readable({ read() { this.push(Buffer.alloc(1024)); } });
    const { stream } = await peekStream(source, 12);
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    await vi.waitFor(() => expect(source.destroyed).toBe(true));
  });

  it("passes a failure of the source on to the reader", async () => {
    const source = new Readable({ read() {} });
    source.push(Buffer.from("0123456789abcdef"));
    const { stream } = await peekStream(source, 4);
    const reader = stream.getReader();
    await reader.read();
    source.destroy(new Error("IMAP went away"));
    await expect(reader.read()).rejects.toThrow("IMAP went away");
  });
});
