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
import { THEMES, uiTheme } from "@/lib/settings/appearance-settings";
import { z } from "zod";
import { sessionAction } from "../session-action";

const themeForm = z.object({ theme: z.enum(THEMES) });

export const saveAppearanceSettings = sessionAction("/mail/settings", async (session, form) => {
  const parsed = themeForm.safeParse({ theme: form.get("theme") });
  if (!parsed.success) redirect(noticeUrl("/mail/settings", { kind: "error", text: "Choose light, dark, or as the system says." }));
  await setSetting(session.email, uiTheme, parsed.data.theme);
  redirect(noticeUrl("/mail/settings", { kind: "ok", text: "Appearance saved." }));
});

export const saveReadingSettings = sessionAction("/mail/settings", async (session, form) => {
  // A checkbox is present when ticked, absent otherwise: anything else is not this form.
  await setSetting(session.email, preferPlainText, form.get("preferPlainText") === "yes");
  await setSetting(session.email, useImageProxy, form.get("useImageProxy") === "yes");
  redirect(noticeUrl("/mail/settings", { kind: "ok", text: "Reading settings saved." }));
});

const readLinkForm = z.object({
  expiryDays: z.coerce.number().int().min(1).max(365),
  inboxNotice: z.enum(["yes"]).nullable(),
  showSubject: z.enum(["yes"]).nullable(),
});

export const saveReadLinkSettings = sessionAction("/mail/settings", async (session, form) => {
  const parsed = readLinkForm.safeParse({ expiryDays: form.get("expiryDays"), inboxNotice: form.get("inboxNotice"), showSubject: form.get("showSubject") });
  if (!parsed.success) {
    redirect(noticeUrl("/mail/settings", { kind: "error", text: "Links must last between 1 and 365 days." }));
  }
  await setSetting(session.email, readLinkExpiryDays, parsed.data.expiryDays);
  await setSetting(session.email, readLinkInboxNotice, parsed.data.inboxNotice === "yes");
  await setSetting(session.email, readLinkShowSubject, parsed.data.showSubject === "yes");
  redirect(noticeUrl("/mail/settings", { kind: "ok", text: "Read confirmation settings saved." }));
});

const mdnForm = z.object({ policy: z.enum(["ignore", "ask"]) });

export const saveMdnSettings = sessionAction("/mail/settings", async (session, form) => {
  const parsed = mdnForm.safeParse({ policy: form.get("policy") });
  if (!parsed.success) redirect(noticeUrl("/mail/settings", { kind: "error", text: "Choose one of the options." }));
  await setSetting(session.email, mdnPolicy, parsed.data.policy);
  redirect(noticeUrl("/mail/settings", { kind: "ok", text: "Read receipt settings saved." }));
});

export const saveNotificationSettings = sessionAction("/mail/settings", async (session, form) => {
  await setSetting(session.email, desktopNotifications, form.get("desktopNotifications") === "yes");
  redirect(noticeUrl("/mail/settings", { kind: "ok", text: "Notification settings saved." }));
});

const composeForm = z.object({ format: z.enum(["plain", "html"]) });

export const saveComposeSettings = sessionAction("/mail/settings", async (session, form) => {
  const parsed = composeForm.safeParse({ format: form.get("format") });
  if (!parsed.success) redirect(noticeUrl("/mail/settings", { kind: "error", text: "Choose one of the options." }));
  await setSetting(session.email, composeFormat, parsed.data.format);
  redirect(noticeUrl("/mail/settings", { kind: "ok", text: "Writing settings saved." }));
});
