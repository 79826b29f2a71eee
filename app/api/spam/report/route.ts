import { z } from "zod";
import { messageSpamReport } from "@/lib/spam/message-report";
import { messageRef, sessionRoute } from "../../session-route";

const query = z.object(messageRef);

/** Why the spam filter judges a message as it does: score, decisive tokens, rules, lists, sender
 * authentication. */
export const GET = sessionRoute(query, async (imap, q, _req, session) =>
  Response.json(await messageSpamReport(imap, session.email, q.folder, q.uid), { headers: { "Cache-Control": "private, no-store" } }),
);
