// Confirming an identity's address: a link with a random token is mailed to the address; the
// account's owner opens it while signed in and confirms. Only the token's hash is stored, it
// works for VERIFY_TTL_MS, and only for the account that asked (someone else who receives the
// mail cannot confirm it for themselves, and a confirmation does not survive an address change).
import crypto from "node:crypto";
import type { MailCredentials } from "@/lib/auth/credentials";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { PosternError } from "@/lib/http/errors";
import { buildMessage } from "@/lib/smtp/build-message";
import type { Submit } from "@/lib/smtp/send-message";
import { toSendError } from "@/lib/smtp/smtp-error";
import { createSmtpTransport } from "@/lib/smtp/transport";

export const VERIFY_TTL_MS = 48 * 3600_000;
/** A new link for the same identity at most this often: each one is a mail to someone. */
const RESEND_INTERVAL_MS = 60_000;

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("base64url");

/** The page a confirmation link opens (app/mail/identities/verify). */
export function verificationUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/mail/identities/verify?token=${encodeURIComponent(token)}`;
}

/**
 * Mails a fresh confirmation link for an identity (any earlier link stops working), from the
 * account's own address with its own SMTP login. `account` is what the identity is stored under;
 * an added mailbox (issue 22) gives its login as `from` and its own server as `submit`.
 * @throws PosternError NOT_FOUND | RATE_LIMITED | SMTP_* / SEND_FAILED
 */
export async function sendIdentityVerification(input: {
  account: string;
  identityId: string;
  baseUrl: string;
  credentials: MailCredentials;
  from?: string;
  submit?: Submit;
  now?: Date;
}): Promise<string> {
  const from = input.from ?? input.account;
  const db = getDb();
  const account = input.account.trim().toLowerCase();
  const now = input.now ?? new Date();
  const identity = await db.identity.findFirst({ where: { id: input.identityId, account } });
  if (!identity) throw new PosternError("NOT_FOUND", "This identity no longer exists.");
  if (identity.verifySentAt && now.getTime() - identity.verifySentAt.getTime() < RESEND_INTERVAL_MS) {
    throw new PosternError("RATE_LIMITED", "A confirmation link was mailed less than a minute ago. Please wait before asking for another.");
  }
  const token = crypto.randomBytes(32).toString("base64url");
  await db.identity.update({ where: { id: identity.id }, data: { verifyTokenHash: hashToken(token), verifySentAt: now } });
  const url = verificationUrl(input.baseUrl, token);
  const message = await buildMessage({
    from: { name: "", address: from },
    to: [{ name: identity.name, address: identity.address }],
    cc: [],
    bcc: [],
    subject: "Confirm this address for sending from Postern",
    text: [
      `${from} asked to send mail as ${identity.address} from Postern.`,
      "",
      "If that was you, open this link while signed in to Postern as that account, and confirm:",
      "",
      url,
      "",
      `The link works for ${VERIFY_TTL_MS / 3600_000} hours. If you did not ask for this, ignore this message: nothing is sent as this address until it is confirmed.`,
      "",
    ].join("\n"),
    attachments: [],
  });
  if (input.submit) {
    await input.submit(input.credentials, message).catch((e: unknown) => {
      throw toSendError(e);
    });
    return identity.address;
  }
  const transport = createSmtpTransport(getConfig(), input.credentials);
  try {
    await transport.sendMail({ envelope: message.envelope, raw: message.wire });
  } catch (e) {
    throw toSendError(e);
  } finally {
    transport.close();
  }
  return identity.address;
}

/** The identity a link's token is for, when it belongs to `account` (or one of them: the user's
 * own and their added mailboxes') and is still valid; `account` says which. */
export async function findVerification(
  account: string | string[],
  token: string,
  now = new Date(),
): Promise<{ id: string; address: string; account: string } | null> {
  const mine = new Set((Array.isArray(account) ? account : [account]).map((a) => a.trim().toLowerCase()));
  const row = await getDb().identity.findUnique({ where: { verifyTokenHash: hashToken(token) } });
  if (!row || !mine.has(row.account) || !row.verifySentAt) return null;
  if (now.getTime() - row.verifySentAt.getTime() > VERIFY_TTL_MS) return null;
  return { id: row.id, address: row.address, account: row.account };
}

/** Confirms the identity of a valid token (once: the token is spent). Returns its address. */
export async function confirmVerification(account: string | string[], token: string, now = new Date()): Promise<string | null> {
  const found = await findVerification(account, token, now);
  if (!found) return null;
  // Conditional on the hash still being there: two confirmations at once spend it once.
  const done = await getDb().identity.updateMany({
    where: { id: found.id, verifyTokenHash: hashToken(token) },
    data: { verifiedAt: now, verifyTokenHash: null, verifySentAt: null },
  });
  return done.count === 1 ? found.address : null;
}
