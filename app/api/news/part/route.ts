import { z } from "zod";
import { PosternError } from "@/lib/http/errors";
import { sessionRoute } from "../../session-route";

/** Attachments of news articles are listed but not downloadable yet (issue 24 follow-up): a clear
 * answer instead of a missing route. */
export const GET = sessionRoute(z.object({}).passthrough(), async () => {
  throw new PosternError("NOT_FOUND", "Downloading attachments of news articles is not available yet. Open the article in a news reader to save them.");
});
