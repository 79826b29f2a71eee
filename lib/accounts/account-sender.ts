import { isValidAddress } from "@/lib/compose/parse-addresses";
import { PosternError } from "@/lib/http/errors";
import type { Identity } from "@/lib/identities/identity-types";

/**
 * The one address an added account sends as: its login, which for nearly every provider is the
 * mailbox's address. Identities of its own are not kept yet.
 * @throws PosternError BAD_REQUEST (the login is not an address)
 */
export function accountSender(user: string): Identity {
  if (!isValidAddress(user)) {
    throw new PosternError("BAD_REQUEST", `This account signs in as “${user}”, which is not an email address, so Postern cannot tell what to send as.`);
  }
  return { id: "account", name: "", address: user, replyTo: "", signature: "", isDefault: true, verified: true };
}
