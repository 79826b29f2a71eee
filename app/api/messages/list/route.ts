import { z } from "zod";
import { listMessages } from "@/lib/imap/list-messages";
import { fileNewInboxMailQuietly } from "@/lib/spam/file-new-mail";
import { sessionRoute } from "../../session-route";

const query = z.object({
  folder: z.string().min(1).max(1000),
  page: z.coerce.number().int().min(1).max(10_000_000).default(1),
});

/** One page of a folder as JSON: what the list shows, nothing more. */
export const GET = sessionRoute(query, async (imap, q, _req, session) => {
  if (q.folder === "INBOX") await fileNewInboxMailQuietly(imap, session.email);
  return Response.json(await listMessages(imap, q), { headers: { "Cache-Control": "private, no-store" } });
});
