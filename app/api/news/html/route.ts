import { z } from "zod";
import { readArticle } from "@/lib/news/read-article";
import { withNews } from "@/lib/news/with-news";
import { articleNumber, groupName } from "@/app/mail/news/news-params";
import { messageFrameResponse } from "../../message-frame-response";
import { sessionRoute } from "../../session-route";

const query = z.object({
  group: groupName,
  n: articleNumber,
  part: z.string().regex(/^\d+(\.\d+)*$/).max(100).optional(),
  images: z.literal("1").optional(),
  /** The sender's own colours, also in dark mode ("show original colours"). */
  colors: z.literal("original").optional(),
});

/** An article's sanitized HTML body as the document of its sandboxed iframe, served as mail's is
 * (app/api/messages/html): same sanitizer, frame headers and image proxy. */
export const GET = sessionRoute(query, async (_imap, q, req, session) => {
  const article = await withNews(session.email, (s) => readArticle(s, { group: q.group, number: q.n }));
  return messageFrameResponse({ message: article.message, part: q.part, images: q.images === "1", originalColors: q.colors === "original", req, session, noHtml: "This article has no HTML body." });
});
