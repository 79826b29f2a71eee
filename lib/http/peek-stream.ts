import { Readable } from "node:stream";

/**
 * The first `bytes` bytes of a stream (fewer if it ends sooner) and a stream of all of it, head
 * included, so a route can look at a file's magic bytes and still stream the file unbuffered.
 * Destroying the returned stream destroys the source (its IMAP lock is released on close).
 */
export async function peekStream(source: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const seen: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
    seen.push(chunk);
    size += chunk.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    try {
      yield* seen;
      if (ended) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield typeof next.value === "string" ? Buffer.from(next.value) : next.value;
      }
    } finally {
      // a reader that stops early (the browser went away) closes the source too
      await iterator.return?.();
    }
  }
  return { head: Buffer.concat(seen).subarray(0, bytes), stream: Readable.from(all(), { objectMode: false }) };
}
