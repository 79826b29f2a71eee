"use server";
// Identity settings as server actions, each with the session's CSRF token (sessionAction); every
// input is validated here.
import { headers } from "next/headers";
import { z } from "zod";
import { isValidAddress, parseAddressField } from "@/lib/compose/parse-addresses";
import { getConfig } from "@/lib/env";
import { identityKeysOf, identityMailbox, type IdentityMailbox } from "@/lib/accounts/identity-mailbox";
import { requestedAccount } from "@/lib/accounts/account-param";
import { deleteIdentity, saveIdentity } from "@/lib/identities/identity-store";
import { confirmVerification, sendIdentityVerification } from "@/lib/identities/identity-verification";
import { requestOrigin } from "@/lib/http/request-origin";
import { noticeKey } from "@/app/i18n/notice-key";
import { noticeAction } from "../notice-action";
import type { ActionSession } from "../session-action";

// which mailbox's identities: absent for the user's own, else an added account's id (issue 22)
const account = z.string().max(64).optional();
const identityInput = z.object({
  account,
  id: z.string().max(100).optional(),
  name: z.string().max(200).transform((s) => s.replace(/[\r\n]+/g, " ").trim()),
  address: z.string().trim().max(320).refine(isValidAddress, "not an email address"),
  replyTo: z
    .string()
    .max(2000)
    .transform((s) => s.trim())
    .refine((s) => !s || parseAddressField(s).invalid.length === 0, "not an address list"),
  signature: z.string().max(10_000),
  isDefault: z.literal("yes").optional(),
});
const deleteInput = z.object({ account, id: z.string().min(1).max(100) });
const tokenInput = z.object({ token: z.string().min(20).max(100) });

export const saveIdentityAction = identityAction(identityInput, async (session, input) => {
  const mailbox = await identityMailbox(session, requestedAccount(input.account));
  const saved = await saveIdentity(mailbox.owner, input.id || null, {
    name: input.name,
    address: input.address,
    replyTo: input.replyTo,
    signature: input.signature,
    isDefault: input.isDefault === "yes",
  });
  const identity = saved.name ? `${saved.name} <${saved.address}>` : saved.address;
  if (saved.verified) return noticeKey("identitySaved", { identity });
  try {
    await mailVerification(mailbox, saved.id);
  } catch {
    return noticeKey("identitySavedLinkFailed", { identity, address: saved.address });
  }
  return noticeKey("identitySavedLinkSent", { identity, address: saved.address });
});

export const resendVerificationAction = identityAction(deleteInput, async (session, input) => {
  const address = await mailVerification(await identityMailbox(session, requestedAccount(input.account)), input.id);
  return noticeKey("identityLinkResent", { address });
});

export const confirmIdentityAction = identityAction(tokenInput, async (session, input) => {
  const address = await confirmVerification(await identityKeysOf(session.email), input.token);
  if (!address) return noticeKey("identityLinkUsed");
  return noticeKey("identityConfirmed", { address });
});

export const deleteIdentityAction = identityAction(deleteInput, async (session, input) => {
  await deleteIdentity((await identityMailbox(session, requestedAccount(input.account))).owner, input.id);
  return noticeKey("identityDeleted");
});

/** Links point at PUBLIC_URL, or at the address this browser used. */
async function mailVerification(mailbox: IdentityMailbox, identityId: string): Promise<string> {
  const baseUrl = getConfig().PUBLIC_URL ?? requestOrigin(await headers()) ?? "";
  return sendIdentityVerification({ account: mailbox.owner.key, identityId, baseUrl, ...mailbox.mailer });
}

/** Every identity action comes back to the Identities page with a notice (noticeAction). */
function identityAction<S extends z.ZodType>(
  schema: S,
  work: (session: ActionSession, input: z.infer<S>) => Promise<string>,
): (form: FormData) => Promise<void> {
  return noticeAction({
    page: { path: "/mail/identities", params: mailboxParams },
    schema,
    invalid: (error) => {
      const field = error.issues[0]?.path[0];
      return noticeKey(field === "address" ? "addressInvalid" : field === "replyTo" ? "replyToInvalid" : "formInvalid");
    },
    logTag: "identities",
    work,
  });
}

/** Back to the identities of the mailbox the form was for. */
function mailboxParams(form: FormData): Record<string, string> {
  const id = requestedAccount(form.get("account"));
  return id ? { account: id } : {};
}
