import { z } from "zod";
import { listIdentities } from "@/lib/identities/identity-store";
import { filtersSchema } from "@/lib/sieve/filter-rules";
import { loadFilters, saveFilters } from "@/lib/sieve/filter-store";
import { sessionMutation, sessionRoute } from "../session-route";

const noStore = { headers: { "Cache-Control": "private, no-store" } };

/** The user's rules and vacation reply, as Postern's Sieve script on the server holds them. */
export const GET = sessionRoute(z.object({}), async (imap) => Response.json(await loadFilters(imap), noStore));

/** Replaces them: the script is written, checked by the server, uploaded and activated. */
export const POST = sessionMutation(filtersSchema, async (imap, filters, _req, session) => {
  const addresses = (await listIdentities(session.email)).map((i) => i.address).filter((a) => a.toLowerCase() !== session.email.toLowerCase());
  await saveFilters(imap, filters, { addresses });
  return Response.json(await loadFilters(imap), noStore);
});
