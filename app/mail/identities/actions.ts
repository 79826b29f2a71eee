"use server";
// Identity settings as server actions, each with the session's CSRF token (sessionAction); every
// input is validated here.
import { z } from "zod";
import { isValidAddress, parseAddressField } from "@/lib/compose/parse-addresses";
import { deleteIdentity, saveIdentity } from "@/lib/identities/identity-store";
import { noticeAction } from "../notice-action";

const identityInput = z.object({
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
const deleteInput = z.object({ id: z.string().min(1).max(100) });

export const saveIdentityAction = identityAction(identityInput, async (account, input) => {
  const saved = await saveIdentity(account, input.id || null, {
    name: input.name,
    address: input.address,
    replyTo: input.replyTo,
    signature: input.signature,
    isDefault: input.isDefault === "yes",
  });
  return `Saved “${saved.name ? `${saved.name} <${saved.address}>` : saved.address}”.`;
});

export const deleteIdentityAction = identityAction(deleteInput, async (account, input) => {
  await deleteIdentity(account, input.id);
  return "Identity deleted.";
});

/** Every identity action comes back to the Identities page with a notice (noticeAction); the work
 * gets the signed-in account. */
function identityAction<S extends z.ZodType>(
  schema: S,
  work: (account: string, input: z.infer<S>) => Promise<string>,
): (form: FormData) => Promise<void> {
  return noticeAction({
    page: "/mail/identities",
    schema,
    invalid: (error) => {
      const field = error.issues[0]?.path[0];
      return field === "address" ? "Please give a valid email address." : field === "replyTo" ? "Reply-To must be email addresses." : "The form was not filled in correctly.";
    },
    logTag: "identities",
    work: (session, input) => work(session.email, input),
  });
}
