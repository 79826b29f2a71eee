import { listActive } from "@/lib/nntp/commands/list-active";
import { listNewsgroups } from "@/lib/nntp/commands/list-newsgroups";
import type { NewsSession } from "@/lib/nntp/open-news-session";

export type AvailableGroup = { name: string; description: string; posting: boolean; count: number };

/** Groups shown per browse page: a full Usenet server carries 100,000+. */
export const BROWSE_LIMIT = 300;

/** Turns a search into a wildmat (RFC 3977 4): letters, digits and . + - _ only, so the user's
 * text can never add wildmat operators or break the command line. */
export function searchWildmat(search: string): string {
  const term = search.toLowerCase().replace(/[^a-z0-9.+_-]/g, "");
  return term ? `*${term}*` : "*";
}

/**
 * The server's groups whose names contain `search`, with descriptions, in name order; at most
 * BROWSE_LIMIT (`more` says there were more). LIST ACTIVE and LIST NEWSGROUPS take the same
 * wildmat, so the server filters and a search costs what it finds.
 */
export async function browseGroups(session: NewsSession, search: string): Promise<{ groups: AvailableGroup[]; more: boolean }> {
  const wildmat = searchWildmat(search);
  const active = await listActive(session.connection, wildmat);
  const descriptions = await listNewsgroups(session.connection, wildmat);
  active.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const groups = active.slice(0, BROWSE_LIMIT).map((g) => ({
    name: g.name,
    description: descriptions.get(g.name) ?? "",
    posting: g.status === "y" || g.status === "m",
    count: g.high >= g.low ? g.high - g.low + 1 : 0,
  }));
  return { groups, more: active.length > BROWSE_LIMIT };
}
