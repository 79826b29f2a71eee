import { z } from "zod";
import { copyMessages } from "@/lib/imap/copy-messages";
import { deleteMessages } from "@/lib/imap/delete-messages";
import { messageSelectionSchema } from "@/lib/imap/message-selection";
import { moveMessages } from "@/lib/imap/move-messages";
import { setFlags } from "@/lib/imap/set-flags";
import { markMessages } from "@/lib/spam/mark-messages";
import { sessionMutation } from "../../session-route";

const folder = z.string().min(1).max(1000);
const body = z.discriminatedUnion("action", [
  z.object({ action: z.literal("flag"), folder, selection: messageSelectionSchema, flag: z.enum(["seen", "flagged"]), value: z.boolean() }),
  z.object({ action: z.literal("move"), folder, selection: messageSelectionSchema, to: folder }),
  z.object({ action: z.literal("copy"), folder, selection: messageSelectionSchema, to: folder }),
  z.object({ action: z.literal("delete"), folder, selection: messageSelectionSchema, permanent: z.boolean().optional() }),
  // Spam / Not spam (lib/spam): learn and move; "none" forgets what was learned (undo).
  z.object({ action: z.literal("spam"), folder, selection: messageSelectionSchema, label: z.enum(["spam", "ham", "none"]), to: folder.optional() }),
]);

/** Flag, move, copy or delete a selection of messages. Move, copy and delete answer with what undo needs. */
export const POST = sessionMutation(body, async (imap, b, _req, session) => {
  switch (b.action) {
    case "flag":
      await setFlags(imap, b);
      return Response.json({ ok: true });
    case "move":
      return Response.json({ ok: true, moved: await moveMessages(imap, b) });
    case "copy":
      return Response.json({ ok: true, copied: await copyMessages(imap, b) });
    case "delete":
      return Response.json({ ok: true, deleted: await deleteMessages(imap, b) });
    case "spam":
      return Response.json({ ok: true, ...(await markMessages(imap, session.email, b)) });
  }
});
