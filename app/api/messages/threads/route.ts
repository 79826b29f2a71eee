import { z } from "zod";
import { listThreads } from "@/lib/imap/list-threads";
import { sessionRoute } from "../../session-route";

const query = z.object({
  folder: z.string().min(1).max(1000),
  page: z.coerce.number().int().min(1).max(10_000_000).default(1),
});

/** One page of a folder's conversations as JSON: 50 threads with counts, senders, flags, UIDs. */
export const GET = sessionRoute(query, async (imap, q) =>
  Response.json(await listThreads(imap, q), { headers: { "Cache-Control": "private, no-store" } }),
);
