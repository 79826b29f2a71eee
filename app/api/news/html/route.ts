import { z } from "zod";
import { PosternError } from "@/lib/http/errors";
import { frameHeaders } from "@/lib/http/security-headers";
import { renderMessageFrame } from "@/lib/mime/render-frame";
import { readArticle } from "@/lib/news/read-article";
import { withNews } from "@/lib/news/with-news";
import { groupName } from "@/app/mail/news/news-params";
import { sessionRoute } from "../../session-route";

const query = z.object({
  group: groupName,
  n: z.coerce.number().int().positive().max(2 ** 53 - 1),
  part: z.string().regex(/^\d+(\.\d+)*$/).max(100).optional(),
  images: z.literal("1").optional(),
});

/** An article's sanitized HTML body as the document of its sandboxed iframe, as
 * app/api/messages/html serves mail's (same sanitizer, same frame headers). Remote images load
 * directly when asked for; the image proxy is mail-only for now. */
export const GET = sessionRoute(query, async (_imap, q, _req, session) => {
  const article = await withNews(session.email, (s) => readArticle(s, { group: q.group, number: q.n }));
  const allowRemoteContent = q.images === "1";
  const document = renderMessageFrame(article.message, { allowRemoteContent, part: q.part });
  if (document === null) throw new PosternError("NOT_FOUND", "This article has no HTML body.");
  return new Response(document, { headers: frameHeaders({ allowRemoteContent }) });
});
