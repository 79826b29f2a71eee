import { z } from "zod";
import { listMessagesFilingSpam } from "@/lib/spam/file-new-mail";
import { sessionRoute } from "../../session-route";

const query = z.object({
  folder: z.string().min(1).max(1000),
  page: z.coerce.number().int().min(1).max(10_000_000).default(1),
});

/** One page of a folder as JSON: what the list shows, nothing more (new INBOX spam filed first). */
export const GET = sessionRoute(query, async (imap, q, _req, session) => {
  return Response.json(await listMessagesFilingSpam(imap, session.email, q), { headers: { "Cache-Control": "private, no-store" } });
});
