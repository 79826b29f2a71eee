import { Readable } from "node:stream";
import { z } from "zod";
import { contentDisposition } from "@/lib/http/content-disposition";
import { downloadPart } from "@/lib/imap/download-part";
import { messageRef, sessionRoute } from "../../session-route";

const query = z.object({ ...messageRef, download: z.literal("1").optional() });

/** The raw message as text (view source), or as an .eml download. */
export const GET = sessionRoute(query, async (imap, q) => {
  const raw = await downloadPart(imap, { folder: q.folder, uid: q.uid });
  return new Response(Readable.toWeb(raw.stream) as ReadableStream, {
    headers: {
      "Content-Type": q.download ? "message/rfc822" : "text/plain; charset=utf-8",
      ...(q.download ? { "Content-Disposition": contentDisposition("attachment", `message-${q.uid}.eml`) } : {}),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, no-store",
    },
  });
});
