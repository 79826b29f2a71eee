import { jsonError } from "@/lib/http/json-error";
import { ndjsonResponse } from "@/lib/http/ndjson-response";
import { listQuerySchema, toImapSearch } from "@/lib/imap/list-query";
import { searchAllFolders } from "@/lib/imap/search-all-folders";
import { sessionRoute } from "../session-route";

/**
 * Search in all folders of one mailbox (the user's own, or the added account the request names),
 * streamed as NDJSON: one line per folder as soon as it has answered, then {"done":true}.
 * Closing the request (the Cancel button) stops the search.
 */
export const GET = sessionRoute(listQuerySchema, async (imap, query, req) => {
  const search = toImapSearch(query);
  if (!search) return jsonError(400, "BAD_REQUEST", "Enter something to search for.");
  return ndjsonResponse((signal) => searchAllFolders(imap, { search, signal }), { signal: req.signal, where: "search", failed: "The search failed." });
});
