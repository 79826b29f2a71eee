import nodemailer from "nodemailer";
import type { SmtpErrorLike } from "@/lib/smtp/smtp-error";
import type { Submit } from "@/lib/smtp/send-message";
import type { UserServer } from "./account-types";
import { accountSmtpOptions } from "./server-options";

/** Submission through an added account's own SMTP server, its host checked again now (SSRF):
 * the Bcc-less bytes with the full envelope, as the installation's own submission does. */
export function accountSubmit(server: UserServer): Submit {
  return async (creds, built) => {
    const transport = nodemailer.createTransport(await accountSmtpOptions(server, creds));
    try {
      return (await transport.sendMail({ envelope: built.envelope, raw: built.wire })) as { rejectedErrors?: SmtpErrorLike[] };
    } finally {
      transport.close();
    }
  };
}
