"use server";
// "Always show images from this sender" and its undo on the Settings page, each with the
// session's CSRF token (sessionAction); inputs are validated here.
import { redirect } from "next/navigation";
import { z } from "zod";
import { isValidAddress } from "@/lib/compose/parse-addresses";
import { noticeKey } from "@/app/i18n/notice-key";
import { noticeUrl } from "@/lib/http/signed-notice";
import { trustedImageSenders } from "@/lib/mime/reading-settings";
import { getSetting, setSetting } from "@/lib/settings/account-settings";
import { sessionAction } from "../session-action";

const address = z.string().trim().max(320).refine(isValidAddress).transform((a) => a.toLowerCase());
// Only back into the mail view: an action must not become an open redirect.
const back = z.string().max(4000).regex(/^\/mail(?:[/?]|$)/);
const MAX_SENDERS = 2000;

export const alwaysShowImagesFrom = sessionAction("/mail", async (session, form) => {
  const input = z.object({ address, back }).safeParse({ address: form.get("address"), back: form.get("back") });
  if (!input.success) redirect("/mail");
  const list = await getSetting(session.email, trustedImageSenders);
  // the newest last; the oldest give way when the list is full
  const next = [...list.filter((a) => a !== input.data.address), input.data.address].slice(-MAX_SENDERS);
  await setSetting(session.email, trustedImageSenders, next);
  redirect(input.data.back);
});

export const stopShowingImagesFrom = sessionAction("/mail/settings", async (session, form) => {
  const input = address.safeParse(form.get("address"));
  if (input.success) {
    const list = await getSetting(session.email, trustedImageSenders);
    await setSetting(session.email, trustedImageSenders, list.filter((a) => a !== input.data));
  }
  const text = input.success ? noticeKey("imagesBlockedAgain", { sender: input.data }) : noticeKey("notAnAddress");
  redirect(noticeUrl("/mail/settings", { kind: input.success ? "ok" : "error", text }));
});
