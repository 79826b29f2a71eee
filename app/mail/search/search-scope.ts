import { ACCOUNT_PARAM, requestedAccount } from "@/lib/accounts/account-param";

/** Where the all-folders search looks: the user's own mailbox (null), one added account (its id),
 * or every mailbox ("all", the unified search of issue 22). */
export type SearchScope = null | "all" | string;

/** The query parameter that asks for every mailbox. */
export const ALL_ACCOUNTS_PARAM = "accounts";

export function searchScopeOf(params: Record<string, string | string[] | undefined>): SearchScope {
  if (params[ALL_ACCOUNTS_PARAM] === "all") return "all";
  return requestedAccount(params[ACCOUNT_PARAM]);
}

/** The scope's query parameters, for the page's own URL and the API's. */
export function scopeParams(scope: SearchScope): Record<string, string> {
  if (scope === "all") return { [ALL_ACCOUNTS_PARAM]: "all" };
  return scope ? { [ACCOUNT_PARAM]: scope } : {};
}

/** The stream to read: every mailbox's, or one mailbox's. */
export function searchApiUrl(scope: SearchScope, query: Record<string, string>): string {
  const path = scope === "all" ? "/api/search/accounts" : "/api/search";
  return `${path}?${new URLSearchParams({ ...query, ...(scope === "all" ? {} : scopeParams(scope)) })}`;
}
