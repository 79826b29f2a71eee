import { z } from "zod";
import { PosternError } from "@/lib/http/errors";
import { getQueued } from "@/lib/outbox/outbox";
import { sessionRoute } from "../../session-route";
import { sentRedirect } from "@/app/mail/compose/sent-redirect";

const query = z.object({ id: z.string().min(1).max(100), back: z.string().min(1).max(1000).default("INBOX") });

/** Where a queued message stands; once sent, also where to go next. */
export const GET = sessionRoute(query, async (imap, q) => {
  const job = await getQueued(q.id, imap.credentials.user);
  if (!job) throw new PosternError("NOT_FOUND", "This message is no longer waiting to be sent.");
  const redirect = job.state === "sent" ? await sentRedirect(q.back, job.warnings) : null;
  return Response.json({ job, redirect }, { headers: { "Cache-Control": "no-store" } });
});
