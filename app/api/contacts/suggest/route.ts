import { z } from "zod";
import { suggestRecipients } from "@/lib/contacts/suggest-recipients";
import { sessionRoute } from "../../session-route";

const query = z.object({ q: z.string().trim().min(1).max(200) });

/** Address completion for the composer: the signed-in user's contacts, groups (with their
 * members' addresses) and addresses collected from sent mail, matching `q`. */
export const GET = sessionRoute(query, async (_imap, { q }, _req, session) =>
  Response.json({ suggestions: await suggestRecipients(session.email, q) }, { headers: { "Cache-Control": "private, no-store" } }),
);
