import { z } from "zod";
import { serverSecurity } from "@/lib/accounts/account-types";

// Host names and IP literals only: the check that matters (internal addresses) is made at connect time.
const host = z.string().trim().min(1, "a server name").max(253).regex(/^[A-Za-z0-9.:[\]-]+$/, "a server name");
const port = z.coerce.number().int().min(1).max(65535);

/** The "Add an account" form. An empty SMTP server means the IMAP one. */
export const addAccountInput = z
  .object({
    label: z.string().max(100).transform((s) => s.replace(/[\r\n]+/g, " ").trim()),
    user: z.string().trim().min(1, "a user name").max(320),
    pass: z.string().min(1, "a password").max(1024),
    imapHost: host,
    imapPort: port,
    imapSecurity: serverSecurity,
    smtpHost: z.string().trim().max(253),
    smtpPort: port,
    smtpSecurity: serverSecurity,
  })
  .transform((f) => ({
    label: f.label || f.user,
    user: f.user,
    pass: f.pass,
    imap: { host: f.imapHost, port: f.imapPort, security: f.imapSecurity },
    smtp: { host: f.smtpHost || f.imapHost, port: f.smtpPort, security: f.smtpSecurity },
  }))
  .refine((a) => host.safeParse(a.smtp.host).success, "a server name");

export const accountRef = z.object({ id: z.string().min(1).max(64) });

/** What the add form shows after a refused attempt: the error and what was typed (never the password). */
export type AddAccountState = { error: string | null; values: Record<string, string> };
export const INITIAL_ADD_STATE: AddAccountState = { error: null, values: {} };
