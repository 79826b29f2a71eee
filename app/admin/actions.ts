"use server";
// The admin page's one action: lifting a sign-in or read-link lockout, for every process (the
// limiter's record is in the shared database). Only for ADMIN_EMAILS; others get a 404.
import { redirect } from "next/navigation";
import { z } from "zod";
import { unlockKey } from "@/lib/admin/lockouts";
import { noticeKey } from "@/app/i18n/notice-key";
import { noticeUrl } from "@/lib/http/signed-notice";
import { getLogger } from "@/lib/observability/logger";
import { sessionAction } from "../mail/session-action";
import { requireAdmin } from "./admin-session";

const unlockForm = z.object({ key: z.string().min(1).max(600) });

export const unlockAction = sessionAction("/admin", async (_session, form) => {
  const admin = await requireAdmin();
  const parsed = unlockForm.safeParse({ key: form.get("key") });
  if (!parsed.success) redirect(noticeUrl("/admin", { kind: "error", text: noticeKey("formInvalid") }));
  const lifted = await unlockKey(parsed.data.key);
  // Who lifted which lockout is worth keeping; the key holds an address and an IP, not a secret.
  if (lifted) getLogger().info({ where: "admin", action: "unlock", admin: admin.email, key: parsed.data.key }, "lockout lifted");
  redirect(noticeUrl("/admin", lifted ? { kind: "ok", text: noticeKey("lockoutLifted") } : { kind: "error", text: noticeKey("lockoutEnded") }));
});
