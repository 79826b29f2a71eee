"use server";
// Address book changes as server actions, each with the session's CSRF token (sessionAction);
// every input is validated here. Each comes back to the contacts page with a signed notice.
import { redirect } from "next/navigation";
import { errorText } from "@/app/i18n/error-text";
import { noticeKey } from "@/app/i18n/notice-key";
import { createCard, deleteCard, setLinks, setPhoto, updateCard } from "@/lib/contacts/card-store";
import { promoteCollected } from "@/lib/contacts/collected-contacts";
import { sniffImage } from "@/lib/contacts/sniff-image";
import { isPosternError } from "@/lib/http/errors";
import { noticeUrl, type Notice } from "@/lib/http/signed-notice";
import { MAX_CONTACT_PHOTO_BYTES } from "@/lib/limits";
import { sessionAction, type ActionSession } from "../session-action";
import { cardIdSchema, contactFormObject, contactFormSchema, describeFormError, promoteSchema } from "./contact-form.schema";

const PAGE = "/mail/contacts";

type Outcome = { text: string; id?: string };

/** Runs `work`, then back to the page (showing card `id` when there is one) with its notice; a
 * PosternError's message is the user's to see, anything else is logged. */
function contactAction(work: (session: ActionSession, form: FormData) => Promise<Outcome | Notice & { id?: string }>) {
  return sessionAction(PAGE, async (session, form) => {
    let notice: Notice;
    let id: string | undefined;
    try {
      const out = await work(session, form);
      notice = "kind" in out ? out : { kind: "ok", text: out.text };
      id = out.id;
    } catch (e) {
      if (!isPosternError(e)) console.error("[contacts]", e);
      notice = { kind: "error", text: isPosternError(e) ? await errorText(e) : noticeKey("serverError") };
      const given = form.get("id");
      id = typeof given === "string" && given ? given : undefined;
    }
    redirect(noticeUrl(PAGE, notice, id ? { id } : {}));
  });
}

export const saveContactAction = contactAction(async (session, form) => {
  const input = contactFormObject(form);
  const parsed = contactFormSchema.safeParse(input);
  if (!parsed.success) return { kind: "error", text: describeFormError(parsed.error, input), id: input.id as string | undefined };
  const { id, kind, links, ...fields } = parsed.data;
  if (kind === "individual" && !fields.name && fields.emails.length === 0) return { kind: "error", text: noticeKey("contactNeedsName") };
  if (kind === "group" && !fields.name) return { kind: "error", text: noticeKey("groupNeedsName"), id };
  const saved = id ?? (await createCard(session.email, { kind, fields: kind === "group" ? { ...fields, emails: [], phones: [] } : fields }));
  if (id) await updateCard(session.email, id, kind === "group" ? { ...fields, emails: [], phones: [] } : fields);
  await setLinks(session.email, saved, links);
  const label = fields.name || fields.emails[0]?.address;
  return { text: noticeKey(id ? "contactSaved" : "contactAdded", { contact: label ?? "" }), id: saved };
});

export const deleteContactAction = contactAction(async (session, form) => {
  const { id } = cardIdSchema.parse(Object.fromEntries(form));
  await deleteCard(session.email, id);
  return { text: noticeKey("contactDeleted") };
});

export const promoteCollectedAction = contactAction(async (session, form) => {
  const { address } = promoteSchema.parse(Object.fromEntries(form));
  return { text: noticeKey("contactPromoted", { address }), id: await promoteCollected(session.email, address) };
});

export const setPhotoAction = contactAction(async (session, form) => {
  const { id } = cardIdSchema.parse({ id: form.get("id") });
  const file = form.get("photo");
  if (!(file instanceof File) || file.size === 0) return { kind: "error", text: noticeKey("photoMissing"), id };
  if (file.size > MAX_CONTACT_PHOTO_BYTES) return { kind: "error", text: noticeKey("photoTooLarge", { kb: MAX_CONTACT_PHOTO_BYTES / 1024 }), id };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffImage(bytes);
  if (!type) return { kind: "error", text: noticeKey("photoType"), id };
  await setPhoto(session.email, id, { bytes, type });
  return { text: noticeKey("photoSaved"), id };
});

export const removePhotoAction = contactAction(async (session, form) => {
  const { id } = cardIdSchema.parse(Object.fromEntries(form));
  await setPhoto(session.email, id, null);
  return { text: noticeKey("photoRemoved"), id };
});
