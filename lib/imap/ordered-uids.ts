import type { ImapFlow, MailboxObject, SearchObject } from "imapflow";
import { searchCompiler } from "imapflow/lib/search-compiler.js";
import { PosternError } from "@/lib/http/errors";
import type { ListQuery, SortKey } from "./list-query";

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
      : key === "date" ? (m.envelope?.date ? new Date(m.envelope.date).getTime() : 0)
      : key === "from" ? (m.envelope?.from?.[0]?.address ?? "").toLowerCase()
      : (m.envelope?.subject ?? "").replace(/^((re|fwd?|aw|sv|wg)\s*:\s*)+/i, "").toLowerCase();
    rows.push({ uid: m.uid, v });
  }
  rows.sort((a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : a.uid - b.uid));
  const out = rows.map((r) => r.uid);
  return desc ? out.reverse() : out;
}

/**
 * The UIDs of the selected folder in the order the list shows them, filtered by `search`.
 * Sorting and searching run on the server (SORT, SEARCH); Postern only slices the page.
 * @throws PosternError BAD_REQUEST when sorting would need the unbounded fallback
 */
export async function orderedUids(
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
