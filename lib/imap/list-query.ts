import type { SearchObject } from "imapflow";
import { z } from "zod";

/** Sort keys the list offers. "arrival" is the folder's own order and needs no server sorting. */
export const SORT_KEYS = ["arrival", "date", "from", "subject", "size"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const flag = z.enum(["1"]).optional().catch(undefined);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);
const kb = z.coerce.number().int().positive().max(10_000_000).optional().catch(undefined);

/** How a folder is listed: sort order and search criteria, as they appear in the page's URL. */
export const listQuerySchema = z.object({
  sort: z.enum(SORT_KEYS).catch("arrival"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  // CR/LF could never be meant, and removing them keeps every IMAP string on one line.
  q: z.string().max(500).transform((s) => s.replace(/[\r\n]+/g, " ").trim()).optional().catch(undefined),
  in: z.enum(["headers", "all"]).catch("headers"),
  unread: flag,
  flagged: flag,
  attachment: flag,
  since: day,
  before: day,
  larger: kb,
  smaller: kb,
});

export type ListQuery = z.infer<typeof listQuerySchema>;

export const DEFAULT_LIST_QUERY: ListQuery = listQuerySchema.parse({});

export function isDefaultOrder(q: ListQuery): boolean {
  return q.sort === "arrival" && q.dir === "desc";
}

/**
 * The IMAP SEARCH for a list query, or null when it asks for everything. The quick search looks
 * in From/To/Cc/Subject ("headers", fast) or also in the body ("all", can be slow on huge folders).
 */
export function toImapSearch(q: ListQuery): SearchObject | null {
  const parts: SearchObject[] = [];
  if (q.q) {
    const text = q.q;
    const fields: SearchObject[] = [{ from: text }, { to: text }, { cc: text }, { subject: text }];
    if (q.in === "all") fields.push({ body: text });
    parts.push({ or: fields });
  }
  if (q.unread) parts.push({ seen: false });
  if (q.flagged) parts.push({ flagged: true });
  // IMAP has no "has attachment" key; a multipart/mixed top level is the usual stand-in (Roundcube's too).
  if (q.attachment) parts.push({ header: { "content-type": "multipart/mixed" } });
  if (q.since) parts.push({ since: q.since });
  if (q.before) parts.push({ before: q.before });
  if (q.larger) parts.push({ larger: q.larger * 1024 });
  if (q.smaller) parts.push({ smaller: q.smaller * 1024 });
  if (!parts.length) return null;
  return parts.reduce((all, p) => ({ ...all, ...p }), {} as SearchObject);
}

/** True when the query filters (the list shows search results, not the folder). */
export function isSearch(q: ListQuery): boolean {
  return toImapSearch(q) !== null;
}

/** The query as URL parameters, leaving out defaults. */
export function listQueryParams(q: ListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === "" || (DEFAULT_LIST_QUERY as Record<string, unknown>)[k] === v) continue;
    out[k] = String(v);
  }
  return out;
}
