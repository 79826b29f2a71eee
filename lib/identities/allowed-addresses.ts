// Which addresses an account may send as without confirming them by mail: its own login address,
// and those the admin allows (IDENTITY_ALLOWED_ADDRESSES), as Roundcube's identities_level does.
// Many SMTP servers do not check the From against the login, so this is Postern's own check.

const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1);

/**
 * `patterns`: comma-separated entries, each an exact address, "@domain" (any address there;
 * "*@domain" is read the same) or "@%d" (any address at the login's own domain).
 */
export function isPreapprovedAddress(account: string, address: string, patterns: string): boolean {
  const login = account.trim().toLowerCase();
  const wanted = address.trim().toLowerCase();
  if (wanted === login) return true;
  if (!wanted.includes("@")) return false;
  return patterns
    .split(",")
    .map((p) => p.trim().toLowerCase().replace(/^\*@/, "@"))
    .filter(Boolean)
    .some((p) => {
      if (!p.startsWith("@")) return p === wanted;
      const domain = p === "@%d" ? (login.includes("@") ? domainOf(login) : null) : p.slice(1);
      return domain !== null && domain === domainOf(wanted);
    });
}
