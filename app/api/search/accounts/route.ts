import { toImapIdentity } from "@/auth";
import { mailboxSources } from "@/lib/accounts/mailbox-sources";
import { jsonError } from "@/lib/http/json-error";
import { ndjsonResponse } from "@/lib/http/ndjson-response";
import { listQuerySchema, toImapSearch } from "@/lib/imap/list-query";
import { searchAllAccounts } from "@/lib/imap/search-all-accounts";
import { sessionRoute } from "../../session-route";

/**
 * Unified search (issue 22): all folders of the user's own mailbox and of every added account,
 * streamed as NDJSON, each line naming its `account` (null for the user's own); a mailbox that
 * cannot be searched gets a line of its own ("unavailable"). Closing the request stops them all.
 */
export const GET = sessionRoute(listQuerySchema, async (_imap, query, req, session) => {
  const search = toImapSearch(query);
  if (!search) return jsonError(400, "BAD_REQUEST", "Enter something to search for.");
  const sources = await mailboxSources(session, toImapIdentity(session));
  return ndjsonResponse((signal) => searchAllAccounts(sources, { search, signal }), { signal: req.signal, where: "search-accounts", failed: "The search failed." });
});
