import { z } from "zod";
import { getOutbox } from "@/lib/smtp/outbox";
import { sessionMutation } from "../../session-route";

const body = z.object({ id: z.string().min(1).max(100) });

/** Undo send: the waiting message stays in Drafts instead of going out. CONFLICT when too late. */
export const POST = sessionMutation(body, async (imap, b) => {
  const job = getOutbox().cancel(b.id, imap.sessionId);
  return Response.json({ job }, { headers: { "Cache-Control": "no-store" } });
});
