import { z } from "zod";
import { getConfig } from "@/lib/env";
import { identityOwnerOf } from "@/lib/accounts/mailbox-owner";
import { findIdentity } from "@/lib/identities/identity-store";
import { answerMdnRequest } from "@/lib/mdn/answer-mdn";
import { sessionMutation } from "../../session-route";

const body = z.object({
  folder: z.string().min(1).max(1000),
  uid: z.number().int().positive().max(4294967295),
  answer: z.enum(["send", "decline"]),
});

/** The user's answer to a read-receipt request: send an RFC 8098 receipt, or decline. Nothing
 * is ever answered without this request. */
export const POST = sessionMutation(body, async (imap, b, req, session) => {
  // the receipt comes from the mailbox the message is in: an added account's own identity there
  const identity = await findIdentity(identityOwnerOf(session, imap), "");
  const host = new URL(getConfig().PUBLIC_URL ?? req.headers.get("origin") ?? "http://postern.invalid").hostname;
  await answerMdnRequest(imap, { name: identity.name, address: identity.address }, { folder: b.folder, uid: b.uid }, b.answer, host);
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
});
