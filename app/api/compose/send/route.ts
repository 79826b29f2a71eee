import { queueMessage } from "@/lib/compose/queue-message";
import { getConfig } from "@/lib/env";
import { readLinkContext } from "@/lib/read-links/read-link-context";
import { getSendLimit } from "@/lib/smtp/size-limit";
import { sessionFormMutation } from "../../session-form-route";
import { composeFormSchema, maxComposeBody, toSubmission } from "../compose-form";

const headers = { "Cache-Control": "no-store" };

/**
 * Sends the composed message through the shared outbox: it waits SEND_DELAY_SECONDS (the composer
 * offers Undo meanwhile; 0 sends at once), then one Postern process sends it exactly once, even
 * across a restart (lib/outbox). Answers the queued job and the draft it waits in, or why it
 * could not be queued and the draft it was kept in.
 */
export const POST = sessionFormMutation(composeFormSchema, maxComposeBody, async (imap, form, req, session) => {
  const submission = await toSubmission(form, session, imap);
  const limit = await getSendLimit();
  const delayMs = getConfig().SEND_DELAY_SECONDS * 1000;
  // sessionFormMutation has checked that Origin is this host.
  // read links are the user's own mailbox's (their Receipts); an added account sends plain mail
  const readLinks = form.readLink && !imap.account ? await readLinkContext(session.email, req.headers.get("origin") as string, form.readLinkDays) : undefined;
  const outcome = await queueMessage(imap, submission, { limit, delayMs, readLinks });
  if (!outcome.ok) {
    const { error, draft } = outcome;
    return Response.json({ error: { code: error.code, message: error.message, detail: error.detail, draft } }, { status: error.status, headers });
  }
  return Response.json({ queued: outcome.job, draft: outcome.draft }, { headers });
});
