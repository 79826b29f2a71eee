/**
 * Whether REQUIRE_2FA applies to an account: "1"/"true" for everyone, otherwise a comma-separated
 * list of login domains ("example.com, corp.example").
 */
export function isTwoFactorRequired(account: string, setting: string): boolean {
  const value = setting.trim().toLowerCase();
  if (!value || value === "0" || value === "false") return false;
  if (value === "1" || value === "true") return true;
  const domain = account.slice(account.lastIndexOf("@") + 1).toLowerCase();
  return account.includes("@") && value.split(",").map((d) => d.trim().replace(/^@/, "")).includes(domain);
}
