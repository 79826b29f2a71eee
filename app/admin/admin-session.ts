import { notFound } from "next/navigation";
import { getMailSession } from "@/auth";
import type { MailSession } from "@/lib/auth/session-store";
import { isAdminEmail } from "@/lib/admin/admin-access";
import { getConfig } from "@/lib/env";

/** The session, if its address is in ADMIN_EMAILS. */
export async function adminSession(): Promise<MailSession | null> {
  const session = await getMailSession();
  return session && isAdminEmail(session.email, getConfig().ADMIN_EMAILS) ? session : null;
}

/** For the admin page and its actions: anyone else, signed in or not, gets the ordinary 404, so
 * the page's existence is not given away. */
export async function requireAdmin(): Promise<MailSession> {
  const session = await adminSession();
  if (!session) notFound();
  return session;
}
