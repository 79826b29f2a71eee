import { describe, expect, it } from "vitest";
import { formatEvent, liveEventStream } from "./event-stream";
import type { LiveListener } from "./live-event";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) text += decoder.decode(r.value, { stream: true });
  return text;
}

describe("liveEventStream", () => {
  it("formats events as named SSE messages", () => {
    expect(formatEvent({ type: "changed", folder: "INBOX" })).toBe('event: changed\ndata: {"type":"changed","folder":"INBOX"}\n\n');
  });

  it("forwards events, and unsubscribes when the tab goes away", async () => {
    const abort = new AbortController();
    let listener: LiveListener | null = null;
    let unsubscribed = 0;
    const stream = liveEventStream({
      folder: "Work",
      subscribe: (l) => ((listener = l), () => void unsubscribed++),
      stillValid: async () => true,
      signal: abort.signal,
      heartbeatMs: 60_000,
    });
    expect(listener!.folder).toBe("Work");
    listener!.send({ type: "changed", folder: "Work" });
    abort.abort();
    const text = await readAll(stream);
    expect(text).toBe(`retry: 5000\n\n${formatEvent({ type: "changed", folder: "Work" })}`);
    expect(unsubscribed).toBe(1);
  });

  it("ends the stream at a heartbeat once the session is gone", async () => {
    let unsubscribed = 0;
    const stream = liveEventStream({
      folder: "INBOX",
      subscribe: () => () => void unsubscribed++,
      stillValid: async () => false,
      signal: new AbortController().signal,
      heartbeatMs: 10,
    });
    expect(await readAll(stream)).toContain('event: ended\ndata: {"type":"ended","reason":"Your session has ended."}');
    expect(unsubscribed).toBe(1);
  });
});
