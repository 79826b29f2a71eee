import { z } from "zod";

/** How a connection is secured: TLS from the first byte, STARTTLS (required, never skipped), or none. */
export const serverSecurity = z.enum(["tls", "starttls", "none"]);
export type ServerSecurity = z.infer<typeof serverSecurity>;

/** A server as the user typed it: the name is resolved and checked at every connect (lib/net/user-host.ts). */
export type UserServer = { host: string; port: number; security: ServerSecurity };

/** An added account as lists show it: never its password. */
export type MailAccountSummary = { id: string; label: string; user: string; imap: UserServer; smtp: UserServer };

export type MailAccountInput = { label: string; imap: UserServer; smtp: UserServer; user: string; pass: string };
