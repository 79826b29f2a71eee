"use server";
// Receipts as server actions, each with the session's CSRF token (sessionAction).
import { redirect } from "next/navigation";
import { z } from "zod";
import { isPosternError } from "@/lib/http/errors";
import { noticeUrl } from "@/lib/http/signed-notice";
import { revokeReadLink } from "@/lib/read-links/read-link-store";
import { sessionAction } from "../session-action";

const revokeForm = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });

/** Withdraws an unopened link: its content is deleted at once and the recipient is told so. */
export const revokeReceipt = sessionAction("/mail/receipts", async (session, form) => {
  const parsed = revokeForm.safeParse({ id: form.get("id") });
  let notice: { kind: "ok" | "error"; text: string } = { kind: "ok", text: "notices.linkRevoked" };
  if (!parsed.success) notice = { kind: "error", text: "notices.badRequest" };
  else {
    try {
      await revokeReadLink(session.email, parsed.data.id);
    } catch (e) {
      if (!isPosternError(e)) throw e;
      notice = { kind: "error", text: e.message };
    }
  }
  redirect(noticeUrl("/mail/receipts", notice));
});
