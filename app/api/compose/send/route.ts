import { queueMessage } from "@/lib/compose/queue-message";
import { submitMessage } from "@/lib/compose/submit-message";
import { getConfig } from "@/lib/env";
import { readLinkContext } from "@/lib/read-links/read-link-context";
import { getSendLimit } from "@/lib/smtp/size-limit";
import { sessionFormMutation } from "../../session-form-route";
import { composeFormSchema, maxComposeBody, toSubmission } from "../compose-form";
import { sentRedirect } from "@/app/mail/compose/sent-redirect";

const headers = { "Cache-Control": "no-store" };

/**
 * Sends the composed message: queued for SEND_DELAY_SECONDS (the composer offers Undo meanwhile)
 * or, with 0, at once. Answers where to go next (the folder, with a signed "Message sent"
 * notice), the queued job, or why it was not sent and the draft it was kept in.
 */
export const POST = sessionFormMutation(composeFormSchema, maxComposeBody, async (imap, form, req, session) => {
  const submission = await toSubmission(form, session);
  const limit = await getSendLimit();
  const delayMs = getConfig().SEND_DELAY_SECONDS * 1000;
  // sessionFormMutation has checked that Origin is this host.
  const readLinks = form.readLink ? await readLinkContext(session.email, req.headers.get("origin") as string, form.readLinkDays) : undefined;
  const outcome =
    delayMs > 0 ? await queueMessage(imap, submission, { limit, delayMs, readLinks }) : await submitMessage(imap, submission, limit, readLinks);
  if (!outcome.ok) {
    const { error, draft } = outcome;
    return Response.json({ error: { code: error.code, message: error.message, draft } }, { status: error.status, headers });
  }
  if ("job" in outcome) return Response.json({ queued: outcome.job, draft: outcome.draft }, { headers });
  return Response.json({ redirect: sentRedirect(form.back, outcome.delivered.warnings), warnings: outcome.delivered.warnings }, { headers });
});
