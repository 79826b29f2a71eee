import type { Readable } from "node:stream";

/**
 * The first `bytes` bytes of a stream (fewer if it ends sooner) and a web stream of all of it,
 * head included, for a Response: a route can look at a file's magic bytes and still stream the
 * file unbuffered. The chunks go to the Response as the source gives them (no copy, no
 * re-chunking, no Readable.from/Readable.toWeb layers in between). Backpressure: one chunk is read
 * ahead (highWaterMark 1), so the source (an IMAP download) fetches the next piece while the
 * previous one is written to the socket, and no further. Cancelling the returned stream (the
 * browser went away) destroys the source (its IMAP lock is released on close).
 */
export async function peekStream(source: Readable, bytes: number): Promise<{ head: Buffer; stream: ReadableStream<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const asBuffer = (v: Buffer | string) => (typeof v === "string" ? Buffer.from(v) : v);
  const seen: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = asBuffer(next.value);
    seen.push(chunk);
    size += chunk.length;
  }
  const head = seen.length === 1 ? seen[0].subarray(0, bytes) : Buffer.concat(seen).subarray(0, bytes);
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const early = seen.shift();
        if (early) return controller.enqueue(early);
        const next = ended ? { done: true as const, value: undefined } : await iterator.next().catch((e: unknown) => {
          controller.error(e);
          return null;
        });
        if (!next) return;
        if (next.done) {
          controller.close();
          await iterator.return?.();
        } else controller.enqueue(asBuffer(next.value));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
  return { head, stream };
}
