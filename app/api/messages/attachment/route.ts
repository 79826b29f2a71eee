import { z } from "zod";
import { attachmentHeaders } from "@/lib/http/attachment-headers";
import { peekStream } from "@/lib/http/peek-stream";
import { downloadPart } from "@/lib/imap/download-part";
import { cleanFilename } from "@/lib/mime/clean-filename";
import { IMAGE_SNIFF_BYTES } from "@/lib/mime/safe-image";
import { messageRef, sessionRoute } from "../../session-route";

// `name`: the name the reader showed, which the file is saved under (cleaned here like any name
// from a sender: a forged one can only rename the user's own download).
const query = z.object({ ...messageRef, part: z.string().regex(/^\d+(\.\d+)*$/).max(100), name: z.string().max(500).optional() });

/** Streams one attachment from IMAP. A download, never rendered in Postern's origin; only a file
 * whose bytes are a safe raster image is served inline, for its preview (attachment-headers.ts). */
export const GET = sessionRoute(query, async (imap, q) => {
  const part = await downloadPart(imap, { folder: q.folder, uid: q.uid, part: q.part });
  const { head, stream } = await peekStream(part.stream, IMAGE_SNIFF_BYTES);
  return new Response(stream, {
    headers: attachmentHeaders({ head, declaredType: part.contentType, filename: cleanFilename(q.name ?? part.filename ?? undefined, part.contentType, q.part) }),
  });
});
