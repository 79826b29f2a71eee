/**
 * Whether `email` may see the admin page: it is listed in ADMIN_EMAILS (comma-separated, exact
 * addresses, compared case-insensitively). No wildcard or domain entries: admin rights are given
 * to people one by one. An empty list means nobody.
 */
export function isAdminEmail(email: string | null | undefined, adminEmails: string): boolean {
  const me = email?.trim().toLowerCase();
  if (!me) return false;
  return adminEmails
    .split(",")
    .map((a) => a.trim().toLowerCase())
    .some((a) => a !== "" && a === me);
}
