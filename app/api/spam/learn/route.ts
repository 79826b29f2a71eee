import { z } from "zod";
import { learnFromFolders } from "@/lib/spam/learn-from-folders";
import { sessionMutation } from "../../session-route";

/**
 * Bootstrap the spam filter from the account's folders (INBOX as good mail, Junk as spam),
 * streamed as NDJSON: progress lines {folder,label,done,total}, then {done:true,spam,ham,skipped}.
 * Closing the request cancels it, and nothing is learned then.
 */
export const POST = sessionMutation(z.object({}), async (imap, _input, req, session) => {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => {
        if (!req.signal.aborted) controller.enqueue(encoder.encode(JSON.stringify(value) + "\n"));
      };
      try {
        const result = await learnFromFolders(imap, session.email, send, req.signal);
        send({ done: true, ...result });
      } catch (e) {
        console.error("[spam learn]", e);
        send({ done: true, error: "Learning from your folders failed. Please try again." });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
});
