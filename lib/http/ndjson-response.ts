import { getLogger } from "@/lib/observability/logger";

/**
 * A streamed NDJSON answer: one line per item as `produce` yields it, then {"done":true} (or
 * {"done":true,"error"} when it failed midway; the lines already sent stay good). The signal
 * `produce` gets aborts when the request does or the reader goes away, so its work stops too.
 */
export function ndjsonResponse(
  produce: (signal: AbortSignal) => AsyncIterable<unknown>,
  opts: { signal: AbortSignal; where: string; failed: string },
): Response {
  const encoder = new TextEncoder();
  const stop = new AbortController();
  const signal = AbortSignal.any([opts.signal, stop.signal]);
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => {
        if (!signal.aborted) controller.enqueue(encoder.encode(JSON.stringify(value) + "\n"));
      };
      try {
        for await (const item of produce(signal)) send(item);
        send({ done: true });
      } catch (e) {
        if (!signal.aborted) getLogger().error({ where: opts.where, err: e }, "stream failed");
        send({ done: true, error: opts.failed });
      }
      if (!signal.aborted) controller.close();
    },
    cancel() {
      stop.abort();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
}
