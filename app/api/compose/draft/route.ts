import { saveDraft } from "@/lib/compose/save-draft";
import { getSendLimit } from "@/lib/smtp/size-limit";
import { sessionFormMutation } from "../../session-form-route";
import { composeFormSchema, maxComposeBody, toSubmission } from "../compose-form";

/** Autosave: a new version of the draft in Drafts, the previous one removed. */
export const POST = sessionFormMutation(composeFormSchema, maxComposeBody, async (imap, form, _req, session) => {
  const result = await saveDraft(imap, await toSubmission(form, session, imap), await getSendLimit());
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
