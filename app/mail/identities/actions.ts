"use server";
// Identity settings as server actions. Next checks each action request's Origin against the host;
// every input is validated here.
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireMailSession } from "@/auth";
import { isValidAddress, parseAddressField } from "@/lib/compose/parse-addresses";
import { deleteIdentity, saveIdentity } from "@/lib/identities/identity-store";
import { isPosternError } from "@/lib/http/errors";
import { noticeParams, type Notice } from "@/lib/http/signed-notice";

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

export async function saveIdentityAction(form: FormData): Promise<void> {
  await run(identityInput, form, async (account, input) => {
    const saved = await saveIdentity(account, input.id || null, {
      name: input.name,
      address: input.address,
      replyTo: input.replyTo,
      signature: input.signature,
      isDefault: input.isDefault === "yes",
    });
    return `Saved “${saved.name ? `${saved.name} <${saved.address}>` : saved.address}”.`;
  });
}

export async function deleteIdentityAction(form: FormData): Promise<void> {
  await run(deleteInput, form, async (account, input) => {
    await deleteIdentity(account, input.id);
    return "Identity deleted.";
  });
}

/** Session, validation, the work, and back to the page with a signed notice. */
async function run<S extends z.ZodType>(schema: S, form: FormData, work: (account: string, input: z.infer<S>) => Promise<string>): Promise<void> {
  const session = await requireMailSession();
  const parsed = schema.safeParse(Object.fromEntries(form));
  let notice: Notice;
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    notice = {
      kind: "error",
      text: field === "address" ? "Please give a valid email address." : field === "replyTo" ? "Reply-To must be email addresses." : "The form was not filled in correctly.",
    };
  } else {
    try {
      notice = { kind: "ok", text: await work(session.email, parsed.data) };
    } catch (e) {
      if (!isPosternError(e)) console.error("[identities]", e);
      notice = { kind: "error", text: isPosternError(e) ? e.message : "Something went wrong on the server. Please try again." };
    }
  }
  redirect(`/mail/identities?${new URLSearchParams(noticeParams(notice))}`);
}
