import { z } from "zod";
import { discardDraft } from "@/lib/compose/discard-draft";
import { sessionMutation } from "../../session-route";

const body = z.object({ folder: z.string().min(1).max(1000), uid: z.number().int().positive().max(4294967295) });

/** Discard in the composer: the saved draft goes (for good: it was never a message). */
export const POST = sessionMutation(body, async (imap, draft) => {
  await discardDraft(imap, draft);
  return Response.json({ ok: true });
});
