import { headerValues, type SpamMessage } from "./spam-message";

export type AuthResult = "pass" | "fail" | "softfail" | "neutral" | "none" | "temperror" | "permerror" | "policy";
export type SenderAuth = { spf: AuthResult | null; dkim: AuthResult | null; dmarc: AuthResult | null };

const RESULTS = new Set<string>(["pass", "fail", "softfail", "neutral", "none", "temperror", "permerror", "policy"]);
const asResult = (v: string | undefined): AuthResult | null => (v && RESULTS.has(v.toLowerCase()) ? (v.toLowerCase() as AuthResult) : null);

/**
 * SPF, DKIM and DMARC results as the receiving server recorded them (RFC 8601
 * Authentication-Results, RFC 7208 Received-SPF). Only the topmost field of each kind counts:
 * receiving servers add theirs on top, and anything below may have been written by the sender.
 */
export function readSenderAuth(message: SpamMessage): SenderAuth {
  const auth: SenderAuth = { spf: null, dkim: null, dmarc: null };
  const top = headerValues(message, "Authentication-Results")[0];
  if (top) {
    // "mx.example; spf=pass smtp.mailfrom=...; dkim=pass header.d=...; dmarc=fail ..."
    for (const m of top.matchAll(/\b(spf|dkim|dmarc)\s*=\s*([a-z]+)/gi)) {
      const kind = m[1].toLowerCase() as keyof SenderAuth;
      // several DKIM signatures: one that passes is what counts
      if (auth[kind] === null || (kind === "dkim" && m[2].toLowerCase() === "pass")) auth[kind] = asResult(m[2]);
    }
  }
  if (auth.spf === null) auth.spf = asResult(headerValues(message, "Received-SPF")[0]?.match(/^\s*([a-z]+)/i)?.[1]);
  return auth;
}
