import crypto from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { postArticle } from "../lib/nntp/commands/post";
import { openNewsSession } from "../lib/nntp/open-news-session";

const PORT = Number(process.env.LAB_NNTP_PORT ?? 3119);

/** Posts an article to the lab INN as another news reader would (loopback, no TLS needed for a
 * test's own articles). `mail` is what MailComposer takes; Newsgroups and Message-ID are added. */
export async function postToLabNews(group: string, mail: ConstructorParameters<typeof MailComposer>[0]): Promise<string> {
  const messageId = `${crypto.randomUUID()}@e2e.test`;
  const raw = await new MailComposer({ headers: { Newsgroups: group }, messageId: `<${messageId}>`, ...mail }).compile().build();
  const session = await openNewsSession({ host: "127.0.0.1", port: PORT, security: "none", tls: { rejectUnauthorized: false } });
  try {
    await postArticle(session.connection, raw);
  } finally {
    session.connection.close();
  }
  return messageId;
}
