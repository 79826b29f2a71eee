import { z } from "zod";
import { isSessionLive } from "@/lib/auth/session-store";
import { liveEventStream } from "@/lib/live/event-stream";
import { getWatchRegistry } from "@/lib/live/watch-registry";
import { mailAccountKey } from "@/lib/accounts/mailbox-owner";
import { sessionRoute } from "../session-route";

const query = z.object({ folder: z.string().min(1).max(1000) });

/** Server-Sent Events for the open tab: changes in the user's mailboxes, pushed as they happen;
 * with ?account=, in that added account's (issue 22), watched on a connection of its own. */
export const GET = sessionRoute(query, async (imap, q, req, session) => {
  const registry = getWatchRegistry();
  // one watcher per mailbox: the user's own and each added account's never share one
  const mailbox = imap.account ? mailAccountKey(session.email, imap.account.id) : session.email;
  // Registering first lets the cap answer with a plain error status (EventSource then stops retrying).
  const body = liveEventStream({
    folder: q.folder,
    subscribe: (listener) => registry.subscribe(mailbox, imap, listener),
    stillValid: () => isSessionLive(session.id),
    signal: req.signal,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would hold events back until a buffer fills
      "Cache-Control": "private, no-cache, no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
});
