import { z } from "zod";
import { undoQueued } from "@/lib/outbox/outbox";
import { sessionMutation } from "../../session-route";

const body = z.object({ id: z.string().min(1).max(100) });

/** Undo send: the waiting message stays in Drafts instead of going out. CONFLICT when too late. */
export const POST = sessionMutation(body, async (imap, b) => {
  const job = await undoQueued(b.id, imap.credentials.user);
  return Response.json({ job }, { headers: { "Cache-Control": "no-store" } });
});
