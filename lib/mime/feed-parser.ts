import type { Writable } from "node:stream";

/** How long the parser may go without progress while Postern waits on it (input ended, or paused
 * for backpressure) before it counts as failed. Normal parsing reports progress every 16 KiB; the
 * longest silent step, HTML-to-text at the end, takes about a second at its size cap. */
export const PARSER_STALL_MS = 15_000;

export type FeedOutcome = {
  /** The parser emitted an error or stalled; what it produced before that is all there is. */
  parserFailed: boolean;
  /** The source emitted an error or closed early; the parser was ended with what had arrived. */
  sourceFailed: boolean;
};

/**
 * Writes the source into the parser with backpressure and waits until both are done. Every chunk
 * is also handed to `onChunk` (for the raw fallback). After a parser failure the source is still
 * read to its end, so that the caller's IMAP connection is not left stalled mid-fetch. Never
 * rejects, and never waits forever on a parser that stopped making progress.
 */
export function feedParser(
  parser: Writable,
  source: NodeJS.ReadableStream | Buffer,
  onChunk: (chunk: Buffer) => void,
  stallMs = PARSER_STALL_MS,
): Promise<FeedOutcome> {
  return new Promise((resolve) => {
    const outcome: FeedOutcome = { parserFailed: false, sourceFailed: false };
    let parserDone = false;
    let sourceDone = false;
    let paused = false;
    let lastProgress = Date.now();
    const progress = () => {
      lastProgress = Date.now();
    };

    const settle = () => {
      if (!parserDone || !sourceDone) return;
      clearInterval(watchdog);
      resolve(outcome);
    };
    const failParser = () => {
      if (parserDone) return;
      outcome.parserFailed = true;
      parserDone = true;
      if (paused && !Buffer.isBuffer(source)) source.resume();
      settle();
    };
    const watchdog = setInterval(
      () => {
        if ((sourceDone || paused) && Date.now() - lastProgress > stallMs) failParser();
      },
      Math.min(1000, stallMs / 2),
    );

    parser.on("error", failParser);
    parser.on("data", progress);
    parser.on("drain", progress);
    // the parser is a Transform whose readable side the caller consumes: "end" means all emitted
    parser.on("end", () => {
      parserDone = true;
      settle();
    });

    const write = (chunk: Buffer): boolean => {
      if (parserDone) return true;
      try {
        return parser.write(chunk);
      } catch {
        failParser();
        return true;
      }
    };
    const end = () => {
      sourceDone = true;
      progress();
      if (!parserDone) parser.end();
      settle();
    };

    if (Buffer.isBuffer(source)) {
      onChunk(source);
      write(source);
      end();
      return;
    }
    parser.on("drain", () => {
      paused = false;
      source.resume();
    });
    source.on("data", (data: Buffer | string) => {
      const chunk = typeof data === "string" ? Buffer.from(data) : data;
      onChunk(chunk);
      if (!write(chunk)) {
        paused = true;
        progress();
        source.pause();
      }
    });
    source.on("end", () => {
      if (!sourceDone) end();
    });
    const fail = () => {
      if (sourceDone) return;
      outcome.sourceFailed = true;
      end();
    };
    source.on("error", fail);
    // a stream destroyed without an error closes without ending: that is a cut-off message too
    source.on("close", fail);
  });
}
