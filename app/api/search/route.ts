import { listQuerySchema, toImapSearch } from "@/lib/imap/list-query";
import { searchAllFolders } from "@/lib/imap/search-all-folders";
import { sessionRoute } from "../session-route";

/**
 * Search in all folders, streamed as NDJSON: one line per folder as soon as it has answered,
 * then {"done":true}. Closing the request (the Cancel button) stops the search.
 */
export const GET = sessionRoute(listQuerySchema, async (imap, query, req) => {
  const search = toImapSearch(query);
  if (!search) return Response.json({ error: { code: "BAD_REQUEST", message: "Enter something to search for." } }, { status: 400 });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for await (const result of searchAllFolders(imap, { search, signal: req.signal })) {
          controller.enqueue(encoder.encode(JSON.stringify(result) + "\n"));
        }
        if (!req.signal.aborted) controller.enqueue(encoder.encode(JSON.stringify({ done: true }) + "\n"));
        controller.close();
      } catch (e) {
        console.error("[search]", e);
        controller.enqueue(encoder.encode(JSON.stringify({ done: true, error: "The search failed." }) + "\n"));
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
});
