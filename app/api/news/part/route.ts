import { z } from "zod";
import { attachmentHeaders } from "@/lib/http/attachment-headers";
import { cleanFilename } from "@/lib/mime/clean-filename";
import { MEMBER_PATTERN, parseMember } from "@/lib/mime/derived-member";
import { IMAGE_SNIFF_BYTES } from "@/lib/mime/safe-image";
import { downloadArticlePart } from "@/lib/news/download-article-part";
import { withNews } from "@/lib/news/with-news";
import { articleNumber, groupName } from "@/app/mail/news/news-params";
import { sessionRoute } from "../../session-route";

// `name`: the name the reader showed (cleaned again here, as for mail's attachments).
const query = z.object({
  group: groupName,
  n: articleNumber,
  part: z.string().regex(/^\d+(\.\d+)*$/).max(100),
  member: z.string().regex(MEMBER_PATTERN).optional(),
  name: z.string().max(500).optional(),
});

/** One file of a news article, with the headers of mail's attachment route: a download, never
 * rendered in Postern's origin; only bytes that are a safe raster image are served inline. */
export const GET = sessionRoute(query, async (_imap, q, _req, session) => {
  const member = q.member ? (parseMember(q.member) ?? undefined) : undefined;
  const file = await withNews(session.email, (s) => downloadArticlePart(s, { group: q.group, number: q.n, part: q.part, member }));
  const filename = member ? file.filename : cleanFilename(q.name ?? file.filename, file.contentType, q.part);
  const headers = attachmentHeaders({ head: file.data.subarray(0, IMAGE_SNIFF_BYTES), declaredType: file.contentType, filename });
  return new Response(new Uint8Array(file.data), { headers: { ...headers, "Content-Length": String(file.data.length) } });
});
