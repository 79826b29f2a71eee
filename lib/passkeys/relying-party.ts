// Who Postern is to WebAuthn: the origin the browser addressed and its host name as RP ID.
// PUBLIC_URL decides when set (the address users are told to use); otherwise the request's own
// origin, believing X-Forwarded-* only from a trusted proxy (lib/http/request-origin.ts). A
// passkey is bound to its RP ID by the browser, so one registered under another host name simply
// does not work here; a signed answer for another origin is refused by the verification.
import { PosternError } from "@/lib/http/errors";
import { requestOrigin, type ProxyTrust } from "@/lib/http/request-origin";
import { getConfig } from "@/lib/env";

export type RelyingParty = { rpID: string; origin: string; rpName: string };

type HeaderSource = { get(name: string): string | null };

/**
 * @throws PosternError BAD_REQUEST when the request names no host
 */
export function relyingParty(headers: HeaderSource, trust?: ProxyTrust): RelyingParty {
  const publicUrl = trust ? trust.publicUrl : getConfig().PUBLIC_URL;
  const origin = publicUrl ? new URL(publicUrl).origin : requestOrigin(headers, trust);
  if (!origin) throw new PosternError("BAD_REQUEST", "The request names no host.");
  return { rpID: new URL(origin).hostname, origin, rpName: "Postern" };
}
