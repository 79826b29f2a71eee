import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { peekStream } from "./peek-stream";

async function collect(stream: Readable): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of stream) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

describe("peekStream", () => {
  it("gives the head and then every byte, across chunk boundaries", async () => {
    const { head, stream } = await peekStream(Readable.from([Buffer.from("ab"), Buffer.from("cdefgh"), Buffer.from("ijklmnop")]), 5);
    expect(head.toString()).toBe("abcde");
    expect((await collect(stream)).toString()).toBe("abcdefghijklmnop");
  });

  it("copes with a stream shorter than the head, and an empty one", async () => {
    const short = await peekStream(Readable.from([Buffer.from("xy")]), 12);
    expect(short.head.toString()).toBe("xy");
    expect((await collect(short.stream)).toString()).toBe("xy");
    const empty = await peekStream(Readable.from([]), 12);
    expect(empty.head.length).toBe(0);
    expect((await collect(empty.stream)).length).toBe(0);
  });

  it("closes the source when the reader stops early", async () => {
    const source = new Readable({ read() { this.push(Buffer.alloc(1024)); } });
    const { stream } = await peekStream(source, 12);
    for await (const _ of stream) break;
    await vi.waitFor(() => expect(source.destroyed).toBe(true));
  });
});
