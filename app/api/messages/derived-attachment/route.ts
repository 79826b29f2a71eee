import { z } from "zod";
import { contentDisposition } from "@/lib/http/content-disposition";
import { downloadDerived } from "@/lib/imap/download-derived";
import { MEMBER_PATTERN, parseMember } from "@/lib/mime/derived-member";
import { messageRef, sessionRoute } from "../../session-route";

const query = z.object({
  ...messageRef,
  part: z.string().regex(/^\d+(\.\d+)*$/).max(100),
  member: z.string().regex(MEMBER_PATTERN),
});

/** Downloads a file that lives inside a part (unpacked from TNEF, or uuencoded in a text part).
 * Always a download, never rendered in Postern's origin. */
export const GET = sessionRoute(query, async (imap, q) => {
  // the pattern above guarantees a member
  const member = parseMember(q.member)!;
  const file = await downloadDerived(imap, { folder: q.folder, uid: q.uid, part: q.part, member });
  return new Response(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.contentType.startsWith("text/") ? "application/octet-stream" : file.contentType,
      "Content-Length": String(file.data.length),
      "Content-Disposition": contentDisposition("attachment", file.filename),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, no-store",
    },
  });
});
