import type { ImapFlow, MailboxObject, SearchObject } from "imapflow";
import { searchCompiler } from "imapflow/lib/search-compiler.js";
import { PosternError } from "@/lib/http/errors";
import { REMEMBERED_UIDS_MAX } from "@/lib/limits";
import type { ListQuery, SortKey } from "./list-query";
import { selectionVersion } from "./selection-version";
import { isoDate } from "@/lib/mime/read-date";

/** Largest folder (or search result) sorted in Postern when the server lacks SORT (RFC 5256):
 * the fallback fetches envelope and size of every message in it, so its cost must stay bounded. */
export const SORT_FALLBACK_MAX = 5000;

const SORT_CRITERION: Record<Exclude<SortKey, "arrival">, string> = {
  date: "DATE",
  from: "FROM",
  subject: "SUBJECT",
  size: "SIZE",
};

type Exec = {
  exec(
    command: string,
    attributes: unknown[],
    options: { untagged: Record<string, (u: { attributes?: Array<{ value?: string }>; numbers?: number[] }) => Promise<void>> },
  ): Promise<{ next(): void }>;
};

/** UID SORT with optional search criteria. imapflow has no public SORT; its exec() is the seam
 * its own commands use, and its search compiler quotes the criteria safely. */
async function serverSort(client: ImapFlow, key: Exclude<SortKey, "arrival">, desc: boolean, search: SearchObject | null) {
  const criteria = [...(desc ? [{ type: "ATOM", value: "REVERSE" }] : []), { type: "ATOM", value: SORT_CRITERION[key] }];
  const searchAttrs = search ? searchCompiler(client, search) : [{ type: "ATOM", value: "ALL" }];
  const uids: number[] = [];
  const res = await (client as unknown as Exec).exec("UID SORT", [criteria, { type: "ATOM", value: "UTF-8" }, ...searchAttrs], {
    untagged: {
      SORT: async (u) => {
        if (u.numbers) uids.push(...u.numbers);
        else for (const a of u.attributes ?? []) if (a.value && /^\d+$/.test(a.value)) uids.push(Number(a.value));
      },
    },
  });
  res.next();
  return uids;
}

/** Sorting in Postern for servers without SORT, refused past SORT_FALLBACK_MAX messages. */
async function localSort(client: ImapFlow, uids: number[], key: Exclude<SortKey, "arrival">, desc: boolean) {
  if (uids.length > SORT_FALLBACK_MAX) {
    throw new PosternError(
      "BAD_REQUEST",
      `This mail server cannot sort, and Postern sorts at most ${SORT_FALLBACK_MAX} messages itself. Narrow the search or sort by arrival.`,
    );
  }
  if (!uids.length) return uids;
  const rows: Array<{ uid: number; v: string | number }> = [];
  for await (const m of client.fetch(uids.join(","), { uid: true, envelope: true, size: true }, { uid: true })) {
    const v =
      key === "size" ? (m.size ?? 0)
      : key === "date" ? Date.parse(isoDate(m.envelope?.date) ?? "") || 0
      : key === "from" ? (m.envelope?.from?.[0]?.address ?? "").toLowerCase()
      : (m.envelope?.subject ?? "").replace(/^((re|fwd?|aw|sv|wg)\s*:\s*)+/i, "").toLowerCase();
    rows.push({ uid: m.uid, v });
  }
  rows.sort((a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : a.uid - b.uid));
  const out = rows.map((r) => r.uid);
  return desc ? out.reverse() : out;
}

/** The last search or sort each connection ran, while its folder's membership is unchanged. */
const remembered = new WeakMap<ImapFlow, { version: string; key: string; uids: Uint32Array }>();

/** Search keys whose answer for a message never changes (RFC 9051 6.4.4: addresses, subject, body,
 * dates, size, header fields). Flags, keywords and mod-sequences can change without a message
 * arriving or leaving, so a search on them is never remembered. */
const FIXED_KEYS = new Set(["all", "uid", "from", "to", "cc", "bcc", "subject", "body", "text", "header", "larger", "smaller", "before", "on", "since", "sentBefore", "sentOn", "sentSince", "emailId", "threadId"]);

export function isFixedSearch(search: SearchObject | null): boolean {
  if (!search) return true;
  return Object.entries(search).every(([k, v]) => {
    if (v === undefined) return true;
    if (k === "or") return Array.isArray(v) && v.every((s) => isFixedSearch(s as SearchObject));
    if (k === "not") return isFixedSearch(v as SearchObject);
    return FIXED_KEYS.has(k);
  });
}

/**
 * The UIDs of the selected folder in the order the list shows them, filtered by `search`.
 * Sorting and searching run on the server (SORT, SEARCH); Postern only slices the page.
 *
 * The answer is remembered per connection while no message arrives or leaves the folder
 * (`selectionVersion`), so paging through search results or a sorted folder, as Roundcube's
 * search set does, costs no second search. Searches on flags are not remembered.
 * @throws PosternError BAD_REQUEST when sorting would need the unbounded fallback
 */
export async function orderedUids(
  client: ImapFlow,
  mailbox: MailboxObject,
  query: Pick<ListQuery, "sort" | "dir">,
  search: SearchObject | null,
): Promise<Uint32Array> {
  const version = isFixedSearch(search) ? selectionVersion(client) : null;
  const key = version === null ? "" : JSON.stringify([query.sort, query.dir, search]);
  const kept = remembered.get(client);
  if (version !== null && kept?.version === version && kept.key === key) return kept.uids;
  const uids = Uint32Array.from(await computeOrderedUids(client, mailbox, query, search));
  if (version !== null && uids.length <= REMEMBERED_UIDS_MAX && selectionVersion(client) === version) {
    remembered.set(client, { version, key, uids });
  } else {
    remembered.delete(client);
  }
  return uids;
}

/** Forgets the connection's remembered search (the benchmark measures searching itself). */
export function forgetOrderedUids(client: ImapFlow): void {
  remembered.delete(client);
}

async function computeOrderedUids(
  client: ImapFlow,
  mailbox: MailboxObject,
  query: Pick<ListQuery, "sort" | "dir">,
  search: SearchObject | null,
): Promise<number[]> {
  const desc = query.dir === "desc";
  if (query.sort !== "arrival" && client.capabilities.has("SORT")) return serverSort(client, query.sort, desc, search);
  const found = search ? await client.search(search, { uid: true }) : mailbox.exists ? await client.search({ all: true }, { uid: true }) : [];
  if (!Array.isArray(found)) throw new PosternError("BAD_REQUEST", "The mail server could not run this search.");
  const uids = [...found].sort((a, b) => a - b);
  if (query.sort === "arrival") return desc ? uids.reverse() : uids;
  return localSort(client, uids, query.sort, desc);
}
