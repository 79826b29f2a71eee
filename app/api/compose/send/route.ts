import { submitMessage } from "@/lib/compose/submit-message";
import { noticeParams } from "@/lib/http/signed-notice";
import { getSendLimit } from "@/lib/smtp/size-limit";
import { mailUrl } from "@/app/mail/mail-url";
import { sessionFormMutation } from "../../session-form-route";
import { composeFormSchema, maxComposeBody, toSubmission } from "../compose-form";

/**
 * Sends the composed message. Success answers where to go next (the folder, with a signed
 * "Message sent" notice); failure answers the reason and the draft the message was kept in.
 */
export const POST = sessionFormMutation(composeFormSchema, maxComposeBody, async (imap, form, _req, session) => {
  const outcome = await submitMessage(imap, await toSubmission(form, session), await getSendLimit());
  const headers = { "Cache-Control": "no-store" };
  if (!outcome.ok) {
    const { error, draft } = outcome;
    return Response.json({ error: { code: error.code, message: error.message, draft } }, { status: error.status, headers });
  }
  const { warnings } = outcome.delivered;
  const notice = warnings.length ? { kind: "error" as const, text: warnings.join(" ") } : { kind: "ok" as const, text: "Message sent." };
  const redirect = `${mailUrl({ folder: form.back })}&${new URLSearchParams(noticeParams(notice))}`;
  return Response.json({ redirect, warnings }, { headers });
});
