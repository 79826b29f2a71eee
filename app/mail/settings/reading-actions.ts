"use server";
// "Always show images from this sender" and its undo on the Settings page. Next checks each
// action request's Origin against the host; inputs are validated here.
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireMailSession } from "@/auth";
import { isValidAddress } from "@/lib/compose/parse-addresses";
import { noticeParams } from "@/lib/http/signed-notice";
import { trustedImageSenders } from "@/lib/mime/reading-settings";
import { getSetting, setSetting } from "@/lib/settings/account-settings";

const address = z.string().trim().max(320).refine(isValidAddress).transform((a) => a.toLowerCase());
// Only back into the mail view: an action must not become an open redirect.
const back = z.string().max(4000).regex(/^\/mail(?:[/?]|$)/);
const MAX_SENDERS = 2000;

export async function alwaysShowImagesFrom(form: FormData): Promise<void> {
  const session = await requireMailSession();
  const input = z.object({ address, back }).safeParse({ address: form.get("address"), back: form.get("back") });
  if (!input.success) redirect("/mail");
  const list = await getSetting(session.email, trustedImageSenders);
  // the newest last; the oldest give way when the list is full
  const next = [...list.filter((a) => a !== input.data.address), input.data.address].slice(-MAX_SENDERS);
  await setSetting(session.email, trustedImageSenders, next);
  redirect(input.data.back);
}

export async function stopShowingImagesFrom(form: FormData): Promise<void> {
  const session = await requireMailSession();
  const input = address.safeParse(form.get("address"));
  if (input.success) {
    const list = await getSetting(session.email, trustedImageSenders);
    await setSetting(session.email, trustedImageSenders, list.filter((a) => a !== input.data));
  }
  const text = input.success ? `Images from ${input.data} are blocked again until you ask.` : "That is not an email address.";
  redirect(`/mail/settings?${new URLSearchParams(noticeParams({ kind: input.success ? "ok" : "error", text }))}`);
}
