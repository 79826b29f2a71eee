import nodemailer from "nodemailer";

export const BOB = { email: "bob@example.test", password: "bob-pass" };

/** Sends a message through the lab's submission server as `user`, as another mail client would. */
export async function sendAs(user: { email: string; password: string }, mail: { to: string; subject: string; text?: string }): Promise<void> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: Number(process.env.LAB_SUBMISSION_PORT ?? 3587),
    secure: false,
    ignoreTLS: true,
    auth: { user: user.email, pass: user.password },
  });
  try {
    await transport.sendMail({ from: user.email, to: mail.to, subject: mail.subject, text: mail.text ?? "Hello from the e2e test." });
  } finally {
    transport.close();
  }
}
