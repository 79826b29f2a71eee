"use server";
// Settings as server actions, each with the session's CSRF token (sessionAction); every input is
// validated here. Each feature's section adds its own action beside these.
import { redirect } from "next/navigation";
import { noticeUrl } from "@/lib/http/signed-notice";
import { composeFormat } from "@/lib/compose/compose-settings";
import { desktopNotifications } from "@/lib/live/live-settings";
import { preferPlainText, useImageProxy } from "@/lib/mime/reading-settings";
import { mdnPolicy } from "@/lib/mdn/mdn-settings";
import { readLinkExpiryDays, readLinkInboxNotice, readLinkShowSubject } from "@/lib/read-links/read-link-settings";
import { setSetting } from "@/lib/settings/account-settings";
import { THEMES, UI_LANGUAGES, uiLanguage, uiTheme } from "@/lib/settings/appearance-settings";
import { z } from "zod";
import { sessionAction } from "../session-action";

const appearanceForm = z.object({ theme: z.enum(THEMES), language: z.enum(UI_LANGUAGES) });

export const saveAppearanceSettings = sessionAction("/mail/settings", async (session, form) => {
  // a form without the language field (a page from before it existed) keeps the language as it is
  const parsed = appearanceForm.safeParse({ theme: form.get("theme"), language: form.get("language") ?? "auto" });
  if (!parsed.success) redirect(noticeUrl("/mail/settings", { kind: "error", text: "notices.appearanceInvalid" }));
  await setSetting(session.email, uiTheme, parsed.data.theme);
  if (form.has("language")) await setSetting(session.email, uiLanguage, parsed.data.language);
  redirect(noticeUrl("/mail/settings", { kind: "ok", text: "notices.appearanceSaved" }));
});

export const saveReadingSettings = sessionAction("/mail/settings", async (session, form) => {
  // A checkbox is present when ticked, absent otherwise: anything else is not this form.
  await setSetting(session.email, preferPlainText, form.get("preferPlainText") === "yes");
  await setSetting(session.email, useImageProxy, form.get("useImageProxy") === "yes");
  redirect(noticeUrl("/mail/settings", { kind: "ok", text: "notices.readingSaved" }));
});

const readLinkForm = z.object({
  expiryDays: z.coerce.number().int().min(1).max(365),
  inboxNotice: z.enum(["yes"]).nullable(),
  showSubject: z.enum(["yes"]).nullable(),
});

export const saveReadLinkSettings = sessionAction("/mail/settings", async (session, form) => {
  const parsed = readLinkForm.safeParse({ expiryDays: form.get("expiryDays"), inboxNotice: form.get("inboxNotice"), showSubject: form.get("showSubject") });
  if (!parsed.success) {
    redirect(noticeUrl("/mail/settings", { kind: "error", text: "notices.linkDaysInvalid" }));
  }
  await setSetting(session.email, readLinkExpiryDays, parsed.data.expiryDays);
  await setSetting(session.email, readLinkInboxNotice, parsed.data.inboxNotice === "yes");
  await setSetting(session.email, readLinkShowSubject, parsed.data.showSubject === "yes");
  redirect(noticeUrl("/mail/settings", { kind: "ok", text: "notices.readLinksSaved" }));
});

const mdnForm = z.object({ policy: z.enum(["ignore", "ask"]) });

export const saveMdnSettings = sessionAction("/mail/settings", async (session, form) => {
  const parsed = mdnForm.safeParse({ policy: form.get("policy") });
  if (!parsed.success) redirect(noticeUrl("/mail/settings", { kind: "error", text: "notices.chooseOption" }));
  await setSetting(session.email, mdnPolicy, parsed.data.policy);
  redirect(noticeUrl("/mail/settings", { kind: "ok", text: "notices.mdnSaved" }));
});

export const saveNotificationSettings = sessionAction("/mail/settings", async (session, form) => {
  await setSetting(session.email, desktopNotifications, form.get("desktopNotifications") === "yes");
  redirect(noticeUrl("/mail/settings", { kind: "ok", text: "notices.notificationsSaved" }));
});

const composeForm = z.object({ format: z.enum(["plain", "html"]) });

export const saveComposeSettings = sessionAction("/mail/settings", async (session, form) => {
  const parsed = composeForm.safeParse({ format: form.get("format") });
  if (!parsed.success) redirect(noticeUrl("/mail/settings", { kind: "error", text: "notices.chooseOption" }));
  await setSetting(session.email, composeFormat, parsed.data.format);
  redirect(noticeUrl("/mail/settings", { kind: "ok", text: "notices.writingSaved" }));
});
