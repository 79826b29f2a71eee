"use server";
// Settings as server actions. Next checks each action request's Origin against the host; every
// input is validated here. Each feature's section adds its own action beside these.
import { redirect } from "next/navigation";
import { requireMailSession } from "@/auth";
import { noticeParams } from "@/lib/http/signed-notice";
import { desktopNotifications } from "@/lib/live/live-settings";
import { preferPlainText } from "@/lib/mime/reading-settings";
import { setSetting } from "@/lib/settings/account-settings";

export async function saveReadingSettings(form: FormData): Promise<void> {
  const session = await requireMailSession();
  // A checkbox is present when ticked, absent otherwise: anything else is not this form.
  await setSetting(session.email, preferPlainText, form.get("preferPlainText") === "yes");
  redirect(`/mail/settings?${new URLSearchParams(noticeParams({ kind: "ok", text: "Reading settings saved." }))}`);
}

export async function saveNotificationSettings(form: FormData): Promise<void> {
  const session = await requireMailSession();
  await setSetting(session.email, desktopNotifications, form.get("desktopNotifications") === "yes");
  redirect(`/mail/settings?${new URLSearchParams(noticeParams({ kind: "ok", text: "Notification settings saved." }))}`);
}
