import type { MailCredentials } from "@/lib/auth/credentials";
import { getPop3Account, replacePop3Account, type Pop3AccountInput } from "./pop3-account-store";
import { testPop3Server } from "./test-pop3-server";

/** A POP3 account's new settings; `pass` empty keeps the stored password. */
export type Pop3AccountEdit = Omit<Pop3AccountInput, "credentials"> & { user: string; pass: string };

const sameServer = (a: Omit<Pop3AccountInput, "folder" | "deleteAfterDays">, b: typeof a) =>
  a.host.trim().toLowerCase() === b.host.trim().toLowerCase() && a.port === b.port && a.security === b.security && a.auth === b.auth && a.credentials.user === b.credentials.user && a.credentials.pass === b.credentials.pass;

/**
 * Changes a POP3 account without removing it: its id stays, and with it the UIDLs of what was
 * collected (so nothing already stored comes again) and the one-run-at-a-time claim. A changed
 * server, sign-in or password is signed in to first (the check new accounts get, rate-limited);
 * nothing is changed when it fails. Returns how many messages wait there, null when not checked.
 * @throws PosternError NOT_FOUND, and what testPop3Server throws
 */
export async function editPop3Account(email: string, id: string, edit: Pop3AccountEdit): Promise<number | null> {
  const before = await getPop3Account(email, id);
  const credentials: MailCredentials = { user: edit.user, pass: edit.pass || before.credentials.pass };
  const next: Pop3AccountInput = { host: edit.host, port: edit.port, security: edit.security, auth: edit.auth, credentials, folder: edit.folder, deleteAfterDays: edit.deleteAfterDays };
  const waiting = sameServer(next, before) ? null : await testPop3Server(email, next);
  await replacePop3Account(email, id, next);
  return waiting;
}
