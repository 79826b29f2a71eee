import { LIVE_HEARTBEAT_MS } from "@/lib/limits";
import type { LiveEvent, LiveListener } from "./live-event";

/** One Server-Sent Events message; the event name lets the browser listen per type. */
export function formatEvent(event: LiveEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * A text/event-stream body that forwards a watcher's events for as long as the tab listens.
 * `subscribe` registers the listener and returns its removal; `stillValid` is asked at every
 * heartbeat, so a stream does not outlive its session (sign-out, idle timeout).
 */
export function liveEventStream(opts: {
  folder: string;
  subscribe: (listener: LiveListener) => () => void;
  stillValid: () => Promise<boolean>;
  signal: AbortSignal;
  heartbeatMs?: number;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup: () => void = () => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const listener: LiveListener = {
        folder: opts.folder,
        send: (event) => {
          write(formatEvent(event));
          if (event.type === "ended") close();
        },
      };
      const unsubscribe = opts.subscribe(listener);
      const heartbeat = setInterval(async () => {
        if (!(await opts.stillValid().catch(() => false))) {
          write(formatEvent({ type: "ended", reason: "Your session has ended." }));
          return close();
        }
        write(": ping\n\n");
      }, opts.heartbeatMs ?? LIVE_HEARTBEAT_MS);
      function close() {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        opts.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the reader going away
        }
      }
      cleanup = close;
      opts.signal.addEventListener("abort", close);
      // The browser waits this long before reconnecting after a dropped stream.
      write("retry: 5000\n\n");
    },
    cancel() {
      cleanup();
    },
  });
}
