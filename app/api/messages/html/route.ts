import { z } from "zod";
import { PosternError } from "@/lib/http/errors";
import { openMessage } from "@/lib/imap/open-message";
import { messageFrameResponse } from "../../message-frame-response";
import { messageRef, sessionRoute } from "../../session-route";

const query = z.object({
  ...messageRef,
  /** An attached message's part number, for its own body. */
  part: z.string().regex(/^\d+(\.\d+)*$/).max(100).optional(),
  images: z.literal("1").optional(),
  /** The sender's own colours, also in dark mode ("show original colours"). */
  colors: z.literal("original").optional(),
});

/**
 * A message's sanitized HTML body as the document of its sandboxed iframe. Served from a route of
 * its own, not srcdoc, because a srcdoc frame inherits the page's CSP: the page would have to
 * allow every image the mail may show. Reading it does not mark the message read (the page that
 * frames it did).
 */
export const GET = sessionRoute(query, async (imap, q, req, session) => {
  const opened = await openMessage(imap, { folder: q.folder, uid: q.uid, markSeen: false });
  if (!opened.message) throw new PosternError("MESSAGE_TOO_LARGE", "This message is too large to display.");
  return messageFrameResponse({ message: opened.message, part: q.part, images: q.images === "1", originalColors: q.colors === "original", req, session, noHtml: "This message has no HTML body." });
});
