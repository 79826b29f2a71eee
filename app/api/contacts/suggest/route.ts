import { z } from "zod";
import { suggestContacts } from "@/lib/contacts/contact-store";
import { sessionRoute } from "../../session-route";

const query = z.object({ q: z.string().trim().min(1).max(200) });

/** Address completion for the composer: the signed-in user's own contacts matching `q`. */
export const GET = sessionRoute(query, async (_imap, { q }, _req, session) =>
  Response.json(
    { contacts: (await suggestContacts(session.email, q)).map(({ name, address }) => ({ name, address })) },
    { headers: { "Cache-Control": "private, no-store" } },
  ),
);
