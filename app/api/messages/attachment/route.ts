import { Readable } from "node:stream";
import { z } from "zod";
import { contentDisposition } from "@/lib/http/content-disposition";
import { downloadPart } from "@/lib/imap/download-part";
import { messageRef, sessionRoute } from "../../session-route";

const query = z.object({ ...messageRef, part: z.string().regex(/^\d+(\.\d+)*$/).max(100) });

/** Streams one attachment from IMAP. Always a download, never rendered in Postern's origin. */
export const GET = sessionRoute(query, async (imap, q) => {
  const part = await downloadPart(imap, { folder: q.folder, uid: q.uid, part: q.part });
  return new Response(Readable.toWeb(part.stream) as ReadableStream, {
    headers: {
      "Content-Type": part.contentType.toLowerCase().startsWith("text/") ? "application/octet-stream" : part.contentType,
      "Content-Disposition": contentDisposition("attachment", part.filename ?? `part-${q.part}`),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, no-store",
    },
  });
});
