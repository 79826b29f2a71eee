import { z } from "zod";
import { PosternError } from "@/lib/http/errors";
import { requestOrigin } from "@/lib/http/request-origin";
import { frameHeaders } from "@/lib/http/security-headers";
import { openMessage } from "@/lib/imap/open-message";
import { frameImageProxy } from "@/lib/image-proxy/frame-image-proxy";
import { useImageProxy } from "@/lib/mime/reading-settings";
import { renderMessageFrame } from "@/lib/mime/render-frame";
import { getSetting } from "@/lib/settings/account-settings";
import { messageRef, sessionRoute } from "../../session-route";

const query = z.object({
  ...messageRef,
  /** An attached message's part number, for its own body. */
  part: z.string().regex(/^\d+(\.\d+)*$/).max(100).optional(),
  images: z.literal("1").optional(),
});

/** The origin the browser addressed (its Host header, or a trusted proxy's forwarded one): the
 * server's own idea of its URL may name another host (localhost). */
function browserOrigin(req: Request): string {
  return requestOrigin(req.headers) ?? new URL(req.url).origin;
}

/**
 * A message's sanitized HTML body as the document of its sandboxed iframe. Served from a route of
 * its own, not srcdoc, because a srcdoc frame inherits the page's CSP: the page would have to
 * allow every image the mail may show. Reading it does not mark the message read (the page that
 * frames it did).
 */
export const GET = sessionRoute(query, async (imap, q, req, session) => {
  const opened = await openMessage(imap, { folder: q.folder, uid: q.uid, markSeen: false });
  if (!opened.message) throw new PosternError("MESSAGE_TOO_LARGE", "This message is too large to display.");
  const allowRemoteContent = q.images === "1";
  // Shown images come through Postern's proxy (the sender never sees the reader's address) unless
  // the reader turned that off in Settings.
  const imageProxy = allowRemoteContent && (await getSetting(session.email, useImageProxy)) ? frameImageProxy({ origin: browserOrigin(req), session: session.id }) : undefined;
  const document = renderMessageFrame(opened.message, { allowRemoteContent, part: q.part, imageProxy });
  if (document === null) throw new PosternError("NOT_FOUND", "This message has no HTML body.");
  return new Response(document, { headers: frameHeaders({ allowRemoteContent, imageProxyUrl: imageProxy?.url }) });
});
